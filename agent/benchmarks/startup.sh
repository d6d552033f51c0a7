#!/usr/bin/env bash
# Whole-process benchmark: what does -javaagent:tracked-agent.jar add to the wall time of a real
# (small) application, from `java` starting to the process having exited?
#
# It runs the sample editor (`java -jar sample-app/target/sample-app.jar --sessions S`) as:
#   A  no agent
#   B  -javaagent:agent/target/tracked-agent.jar            (embedded default: events to the outbox)
#   C  -javaagent:...=posthog.apiKey=phc_x,posthog.host=http://127.0.0.1:PORT
#                                                           (delivery on, to a loopback fake PostHog)
# interleaved A,B,C,A,B,C,... so that the machine's noise is shared, after warm-up runs of each (page
# cache, CDS archive, JIT-less first start). Each variant has its own temporary HOME (-Duser.home),
# so the real ~/.continue and ~/.tracked-sample are never read or written. Prints median, min and p90
# wall time per variant and the ratio and difference of the medians against A. With --java PATH
# (repeatable) the whole measurement is repeated on that JVM too (e.g. JDK 25).
#
# Usage: agent/benchmarks/startup.sh [--runs N] [--warmup N] [--sessions N] [--java PATH]...
#                                    [--no-posthog] [--keep]
# Needs: the packaged jars (mvn -B package -DskipTests), bash, python3. No hyperfine.
set -euo pipefail

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
}

runs=15
warmup=2
sessions=1
posthog=1
keep=0
javas=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n|--runs) runs="${2:?--runs needs a number}"; shift 2 ;;
    --warmup) warmup="${2:?--warmup needs a number}"; shift 2 ;;
    --sessions) sessions="${2:?--sessions needs a number}"; shift 2 ;;
    --java) javas+=("${2:?--java needs the path of a java executable}"); shift 2 ;;
    --no-posthog) posthog=0; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "startup.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for number in "$runs" "$warmup" "$sessions"; do
  [[ "$number" =~ ^[0-9]+$ ]] || { echo "startup.sh: '$number' is not a whole number" >&2; exit 2; }
done
(( runs >= 1 )) || { echo "startup.sh: --runs must be at least 1" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sample_jar="$root/sample-app/target/sample-app.jar"
agent_jar="$root/agent/target/tracked-agent.jar"
for jar in "$sample_jar" "$agent_jar"; do
  if [[ ! -f "$jar" ]]; then
    echo "startup.sh: $jar is missing. Build it first: (cd $root && mvn -B package -DskipTests)" >&2
    exit 1
  fi
done
command -v python3 >/dev/null || { echo "startup.sh: python3 is needed (statistics, fake PostHog)" >&2; exit 1; }

default_java="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  default_java="$JAVA_HOME/bin/java"
fi
javas=("$default_java" ${javas[@]+"${javas[@]}"})
for java in "${javas[@]}"; do
  "$java" -version >/dev/null 2>&1 || { echo "startup.sh: '$java' is not a working java executable" >&2; exit 1; }
done
for variable in JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS; do
  if [[ -n "${!variable:-}" ]]; then
    echo "startup.sh: warning: $variable is set; it applies to every run and skews the comparison" >&2
  fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/tracked-startup.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if (( keep )); then
    echo "startup.sh: kept $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The consent and delivery options must come only from what each variant passes: clear the ones a
# developer's environment might carry (DO_NOT_TRACK=1 would silently turn B and C into "agent off").
clean_env=(env -u DO_NOT_TRACK -u POSTHOG_API_KEY -u CONTINUE_GLOBAL_DIR)
while IFS= read -r name; do
  clean_env+=(-u "$name")
done < <(compgen -e | grep '^TRACKED_' || true)

if (( posthog )); then
  # A fake PostHog on loopback: answers 200 {"status": 1} to every POST and logs the number of events
  # in each batch. It stops by itself after an hour at most, and is killed on exit.
  cat > "$work/fake_posthog.py" <<'PY'
import gzip, json, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

log_path, port_path = sys.argv[1], sys.argv[2]

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        events = 0
        try:
            if self.headers.get("Content-Encoding", "") == "gzip":
                body = gzip.decompress(body)
            events = len(json.loads(body).get("batch", []))
        except Exception:
            events = -1
        with open(log_path, "a") as log:
            log.write("%s %d\n" % (self.path, events))
        self._answer(b'{"status":1}')

    def do_GET(self):
        self._answer(b'{"status":1}')

    def _answer(self, payload):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
threading.Timer(3600, server.shutdown).start()
with open(port_path + ".tmp", "w") as out:
    out.write(str(server.server_address[1]))
import os
os.replace(port_path + ".tmp", port_path)
server.serve_forever()
PY
  : > "$work/posthog.log"
  python3 "$work/fake_posthog.py" "$work/posthog.log" "$work/posthog.port" &
  server_pid=$!
  for _ in $(seq 100); do
    [[ -s "$work/posthog.port" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "startup.sh: the fake PostHog server did not start" >&2; exit 1; }
    sleep 0.05
  done
  [[ -s "$work/posthog.port" ]] || { echo "startup.sh: the fake PostHog server did not report its port" >&2; exit 1; }
  port="$(cat "$work/posthog.port")"
fi

variants=(none outbox)
(( posthog )) && variants+=(posthog)

label() {
  case "$1" in
    none) echo "A no agent" ;;
    outbox) echo "B agent, outbox (default)" ;;
    posthog) echo "C agent, PostHog on loopback" ;;
  esac
}

# run_once JAVA VARIANT HOME TIMES_FILE: one process; appends its wall time in ms to TIMES_FILE.
run_once() {
  local java="$1" variant="$2" home="$3" times="$4"
  local command=("${clean_env[@]}" "$java" "-Duser.home=$home")
  case "$variant" in
    outbox) command+=("-javaagent:$agent_jar") ;;
    posthog) command+=("-javaagent:$agent_jar=posthog.apiKey=phc_x,posthog.host=http://127.0.0.1:$port") ;;
  esac
  command+=(-jar "$sample_jar" --sessions "$sessions")
  local start end status=0
  start=$(date +%s%N)
  "${command[@]}" >"$work/last.out" 2>"$work/last.err" || status=$?
  end=$(date +%s%N)
  if (( status != 0 )); then
    echo "startup.sh: run failed (exit $status): ${command[*]}" >&2
    cat "$work/last.err" >&2
    exit 1
  fi
  if [[ -n "$times" ]]; then
    echo $(( (end - start) / 1000 )) >> "$times"   # microseconds
  fi
}

summarize() {
  python3 - "$@" <<'PY'
import math, statistics, sys
args = sys.argv[1:]
labels, files = args[0::2], args[1::2]
data = []
for label, path in zip(labels, files):
    values = sorted(int(line) / 1000.0 for line in open(path) if line.strip())
    p90 = values[max(0, math.ceil(0.9 * len(values)) - 1)]
    data.append((label, statistics.median(values), values[0], p90, len(values)))
print("  %-32s %9s %9s %9s %5s" % ("variant", "median", "min", "p90", "runs"))
for label, median, low, p90, n in data:
    print("  %-32s %7.0f ms %6.0f ms %6.0f ms %5d" % (label, median, low, p90, n))
base = data[0]
for label, median, *_ in data[1:]:
    print("  %-32s %.2fx the median of A, %+.0f ms" % (label.split(" ", 1)[0] + " vs A:", median / base[1], median - base[1]))
PY
}

echo "Startup benchmark: sample-app --sessions $sessions; $runs timed runs per variant, interleaved, after $warmup warm-up runs each"
for java in "${javas[@]}"; do
  version="$("$java" -version 2>&1 | head -n 1)"
  tag="$(echo "$java" | tr -c 'A-Za-z0-9' '_')"
  echo
  echo "JVM: $java ($version)"
  for variant in "${variants[@]}"; do
    home="$work/home-$tag-$variant"
    mkdir -p "$home"
    : > "$work/times-$tag-$variant"
  done
  for (( i = 0; i < warmup; i++ )); do
    for variant in "${variants[@]}"; do
      run_once "$java" "$variant" "$work/home-$tag-$variant" ""
    done
  done
  if (( posthog )); then
    : > "$work/posthog.log"
  fi
  for (( i = 0; i < runs; i++ )); do
    for variant in "${variants[@]}"; do
      run_once "$java" "$variant" "$work/home-$tag-$variant" "$work/times-$tag-$variant"
    done
  done
  summary_args=()
  for variant in "${variants[@]}"; do
    summary_args+=("$(label "$variant")" "$work/times-$tag-$variant")
  done
  summarize "${summary_args[@]}"
  # Show that B and C really did their work, or the timings would mean nothing.
  outbox="$work/home-$tag-outbox/.continue/telemetry/outbox.jsonl"
  events=$( [[ -f "$outbox" ]] && wc -l < "$outbox" || echo 0 )
  echo "  check: B wrote $events events to its outbox over $(( runs + warmup )) runs"
  if (( posthog )); then
    read -r posts delivered < <(awk '{n++; if ($2 > 0) e += $2} END {print n+0, e+0}' "$work/posthog.log")
    echo "  check: C delivered $delivered events in $posts POSTs to the fake PostHog over $runs timed runs"
    if [[ -f "$work/home-$tag-posthog/.continue/telemetry/outbox.jsonl" ]]; then
      echo "  check: C also spilled $(wc -l < "$work/home-$tag-posthog/.continue/telemetry/outbox.jsonl") events to its outbox (PostHog did not take them in time)"
    fi
  fi
done
