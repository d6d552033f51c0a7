#!/usr/bin/env python3
"""Whole-process cost of an agent, side by side: no agent, Tracked, a plain Byte Buddy agent doing the
same job, and the OpenTelemetry java agent, on the same hosts in one run.

Hosts (all headless, each variant with its own temporary -Duser.home):
  sample  the sample editor, one scripted session (java -jar sample-app/target/sample-app.jar --sessions 1)
  early   a host whose tracked class loads first and is called 1,000 times right after start
          (agent/benchmarks/target/early-host.jar, hosts.EarlyHost)
  swing   a Swing-like editor instrumented with methods= only (no annotation): its main class is the
          named class, so the time to main shows how long the agent holds it (hosts.SwingLikeEditor)
  flood   4 threads x 2,000,000 calls of a tracked method as fast as they can (hosts.FloodHost):
          the calling loop's time and the calls the agent dropped

Variants: none; empty-agent (a premain that returns: the floor of any -javaagent);
tracked (consent on, events to the outbox; its home is kept across rounds, so from the second start on its
weave cache is warm and Byte Buddy is not loaded); tracked-cold (the same with the weave cache deleted before
every start: a first start); tracked-off (DO_NOT_TRACK=1, warm cache too);
plain-bb (target/plain-bytebuddy-agent.jar, an AgentBuilder with the same inline exit advice);
otel (io.opentelemetry.javaagent:opentelemetry-javaagent from Maven Central, exporters off,
otel.instrumentation.methods.include on the same method; fetched once with mvn dependency:copy).

Rounds are interleaved (every variant once per round, in a rotating order, so noise is shared), after
warm-up rounds. For each variant it prints the median wall time, CPU time (user+sys of the process)
and peak RSS, and the median of the per-round ratios against 'none' of the same round with their
spread (min-max over rounds), and the jar sizes. Needs the packaged jars: mvn -B package -DskipTests.

Usage: agent/benchmarks/sidebyside.py [--runs N] [--warmup N] [--hosts a,b] [--variants a,b]
                                      [--java PATH] [--flood-calls N] [--no-otel] [--smoke] [--agent-jar PATH]
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

OTEL_VERSION = "2.33.1"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BENCH = os.path.join(ROOT, "agent", "benchmarks")
AGENT_JAR = os.path.join(ROOT, "agent", "target", "tracked-agent.jar")
SAMPLE_JAR = os.path.join(ROOT, "sample-app", "target", "sample-app.jar")
HOSTS_JAR = os.path.join(BENCH, "target", "early-host.jar")
PLAIN_JAR = os.path.join(BENCH, "target", "plain-bytebuddy-agent.jar")
EMPTY_JAR = os.path.join(BENCH, "target", "empty-agent.jar")
OTEL_DIR = os.path.join(BENCH, "target", "otel")

HOSTS = {
    # name: (command after the JVM options, tracked class[method] for plain-bb/otel/methods=, extra JVM options)
    "sample": (["-jar", SAMPLE_JAR, "--sessions", "1"], "io.tracked.sample.Editor[suggestionSettled]", []),
    "early": (["-cp", HOSTS_JAR, "io.tracked.benchmarks.hosts.EarlyHost"],
              "io.tracked.benchmarks.hosts.EarlyWork[suggestionSettled]", []),
    "swing": (["-cp", HOSTS_JAR, "io.tracked.benchmarks.hosts.SwingLikeEditor"],
              "io.tracked.benchmarks.hosts.SwingLikeEditor[insert]", ["-Djava.awt.headless=true"]),
    "flood": (["-cp", HOSTS_JAR, "io.tracked.benchmarks.hosts.FloodHost"],
              "io.tracked.benchmarks.hosts.EarlyWork[suggestionSettled]", []),
}
ALL_VARIANTS = ["none", "empty-agent", "tracked", "tracked-cold", "tracked-off", "plain-bb", "otel"]
DEFAULT_VARIANTS = {
    "sample": ["none", "empty-agent", "tracked", "tracked-off", "plain-bb", "otel"],
    "early": ["none", "empty-agent", "tracked", "tracked-off", "plain-bb", "otel"],
    "swing": ["none", "empty-agent", "tracked", "plain-bb", "otel"],
    "flood": ["none", "tracked", "plain-bb"],
}


def fail(message):
    print("sidebyside: " + message, file=sys.stderr)
    sys.exit(1)


def otel_jar(allow_fetch):
    found = sorted(glob.glob(os.path.join(OTEL_DIR, "opentelemetry-javaagent-*.jar")))
    if found or not allow_fetch:
        return found[-1] if found else None
    # The ordinary Maven client, from Maven Central, into the build's own directory.
    command = ["mvn", "-B", "-q", "dependency:copy",
               "-Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:%s:jar" % OTEL_VERSION,
               "-DoutputDirectory=" + OTEL_DIR]
    print("sidebyside: fetching the OpenTelemetry agent %s: %s" % (OTEL_VERSION, " ".join(command)), file=sys.stderr)
    if subprocess.run(command, cwd=BENCH).returncode != 0:
        fail("could not fetch the OpenTelemetry agent; run with --no-otel to leave it out")
    found = sorted(glob.glob(os.path.join(OTEL_DIR, "opentelemetry-javaagent-*.jar")))
    return found[-1] if found else fail("mvn dependency:copy put no jar into " + OTEL_DIR)


def command_for(java, host, variant, home, otel, flood_calls):
    tail, method, extra = HOSTS[host]
    command = [java, "-Duser.home=" + home] + extra
    env = {k: v for k, v in os.environ.items()
           if k not in ("DO_NOT_TRACK", "POSTHOG_API_KEY", "CONTINUE_GLOBAL_DIR", "JAVA_TOOL_OPTIONS",
                        "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS") and not k.startswith("TRACKED_")}
    if variant.startswith("tracked"):
        # Hosts without the annotation are named by methods=, as a user would.
        option = "=methods=" + method if host == "swing" else ""
        command.append("-javaagent:" + AGENT_JAR + option)
        if variant == "tracked-off":
            env["DO_NOT_TRACK"] = "1"
    elif variant == "empty-agent":
        command.append("-javaagent:" + EMPTY_JAR)
    elif variant == "plain-bb":
        command.append("-javaagent:" + PLAIN_JAR + "=" + method)
    elif variant == "otel":
        command += ["-javaagent:" + otel, "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none",
                    "-Dotel.logs.exporter=none", "-Dotel.instrumentation.methods.include=" + method]
    command += tail
    if host == "flood":
        command += ["4", str(flood_calls)]
    return command, env


def weave_cache(home):
    return os.path.join(home, ".continue", "telemetry", "weave-cache")


def cache_entries(home):
    """How many woven classes the weave cache under this home holds."""
    count = 0
    for _, _, files in os.walk(weave_cache(home)):
        count += sum(1 for f in files if f.endswith(".twc"))
    return count


def run_once(command, env):
    """One process: (wall s, cpu s, peak RSS MiB, stdout, epoch micros at launch)."""
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    launched_us = time.time_ns() // 1000
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    err.seek(0)
    stdout = out.read().decode("utf-8", "replace")
    stderr = err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        fail("run failed (exit %d): %s\n%s" % (process.returncode, " ".join(command), stderr[-3000:]))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, stdout, stderr, launched_us


def spread(values):
    return "%.2f-%.2f" % (min(values), max(values))


def report(host, variants, results):
    base = results["none"]
    rounds = len(base["wall"])
    print("\nhost %s (%d rounds)" % (host, rounds))
    header = "  %-12s %9s %9s %9s %20s %20s %11s" % ("variant", "wall ms", "cpu ms", "RSS MiB", "wall ratio [min-max]",
                                                    "cpu ratio [min-max]", "RSS +MiB")
    extra = host in ("swing", "flood")
    if host == "swing":
        header += " %14s" % "to main ms (+)"
    if host == "flood":
        header += " %16s %10s %12s" % ("loop ms (ratio)", "[min-max]", "dropped")
    print(header)
    for variant in variants:
        r = results[variant]
        line = "  %-12s %9.0f %9.0f %9.1f" % (variant, 1000 * statistics.median(r["wall"]),
                                              1000 * statistics.median(r["cpu"]), statistics.median(r["rss"]))
        if variant == "none":
            line += " %20s %20s %11s" % ("1", "1", "0")
        else:
            wall = [a / b for a, b in zip(r["wall"], base["wall"])]
            cpu = [a / b for a, b in zip(r["cpu"], base["cpu"])]
            rss = [a - b for a, b in zip(r["rss"], base["rss"])]
            line += " %20s %20s %11s" % ("%.2fx [%s]" % (statistics.median(wall), spread(wall)),
                                         "%.2fx [%s]" % (statistics.median(cpu), spread(cpu)),
                                         "%+.1f" % statistics.median(rss))
        if host == "swing":
            to_main = statistics.median(r["to_main"])
            line += " %14s" % ("%.0f (%+.0f)" % (to_main, to_main - statistics.median(base["to_main"])))
        if host == "flood":
            loops = [a / b for a, b in zip(r["loop"], base["loop"])]
            dropped = [d for d in r["dropped"] if d >= 0]
            line += " %16s %10s %12s" % ("%.0f (%.2fx)" % (statistics.median(r["loop"]), statistics.median(loops)),
                                         "[%s]" % spread(loops),
                                         "%.0f" % statistics.median(dropped) if dropped else "-")
        print(line)


def parse_marker(stdout, marker):
    for line in stdout.splitlines():
        if line.startswith(marker + " "):
            return float(line.split()[1])
    return None


def measure(java, host, variants, args, otel):
    work = tempfile.mkdtemp(prefix="tracked-sidebyside-")
    try:
        results = {v: {"wall": [], "cpu": [], "rss": [], "to_main": [], "loop": [], "dropped": []} for v in variants}
        homes = {v: os.path.join(work, v) for v in variants}
        for home in homes.values():
            os.makedirs(home)
        total = args.warmup + args.runs
        for round_index in range(total):
            shift = round_index % len(variants)
            for variant in variants[shift:] + variants[:shift]:
                command, env = command_for(java, host, variant, homes[variant], otel, args.flood_calls)
                if variant == "tracked-cold":
                    shutil.rmtree(weave_cache(homes[variant]), ignore_errors=True)
                elif variant.startswith("tracked"):
                    # Whether this start could be served from the cache (it was kept by an earlier start).
                    warm = cache_entries(homes[variant]) > 0
                    results.setdefault("warm", {}).setdefault(variant, []).append(warm)
                wall, cpu, rss, stdout, stderr, launched = run_once(command, env)
                if round_index < args.warmup:
                    continue
                r = results[variant]
                r["wall"].append(wall)
                r["cpu"].append(cpu)
                r["rss"].append(rss)
                if host == "swing":
                    r["to_main"].append((parse_marker(stdout, "main-at") - launched) / 1000.0)
                if host == "flood":
                    r["loop"].append(parse_marker(stdout, "loop-ms"))
                    r["dropped"].append(parse_marker(stdout, "dropped"))
                if variant.startswith("tracked") and stderr.strip():
                    results.setdefault("stderr", set()).add(stderr.strip().splitlines()[0][:160])
        report(host, variants, results)
        for variant in ("tracked", "tracked-off"):
            if variant in variants:
                warm = results.get("warm", {}).get(variant, [])[args.warmup:]
                print("  note: %s weave cache: %d classes kept; %d of %d timed starts began with it warm"
                      % (variant, cache_entries(homes[variant]), sum(warm), len(warm)))
        for line in sorted(results.get("stderr", ())):
            print("  note: Tracked wrote on the host's stderr: " + line)
        for variant in ("tracked", "tracked-cold"):
            if variant not in variants:
                continue
            outbox = os.path.join(homes[variant], ".continue", "telemetry", "outbox.jsonl")
            events = sum(1 for _ in open(outbox)) if os.path.exists(outbox) else 0
            print("  check: %s wrote %d events over %d runs" % (variant, events, total))
            if events == 0 and host != "flood":
                fail("the %s variant recorded no event on host %s: the timings would mean nothing" % (variant, host))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description="Whole-process cost of Tracked beside other agents.")
    parser.add_argument("--runs", type=int, default=10, help="timed rounds (default 10)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first (default 1)")
    parser.add_argument("--hosts", default="sample,early,swing,flood", help="comma list of " + ",".join(HOSTS))
    parser.add_argument("--variants", default=None, help="comma list of " + ",".join(ALL_VARIANTS))
    parser.add_argument("--java", action="append", default=None, help="java executable (repeatable)")
    parser.add_argument("--flood-calls", type=int, default=2_000_000, help="calls per flood thread")
    parser.add_argument("--no-otel", action="store_true", help="leave the OpenTelemetry agent out")
    parser.add_argument("--agent-jar", default=None, help="the Tracked agent jar to measure (default: the built one)")
    parser.add_argument("--smoke", action="store_true",
                        help="one round, no warm-up, no OpenTelemetry, a small flood: checks that it all runs")
    args = parser.parse_args()
    if args.agent_jar:
        global AGENT_JAR
        AGENT_JAR = os.path.abspath(args.agent_jar)
    if args.smoke:
        args.runs, args.warmup, args.no_otel = 1, 0, True
        args.flood_calls = min(args.flood_calls, 20_000)
    if args.runs < 1:
        fail("--runs must be at least 1")
    hosts = [h for h in args.hosts.split(",") if h]
    for host in hosts:
        if host not in HOSTS:
            fail("unknown host '%s'; choose from %s" % (host, ", ".join(HOSTS)))
    for jar in (AGENT_JAR, SAMPLE_JAR, HOSTS_JAR, PLAIN_JAR, EMPTY_JAR):
        if not os.path.isfile(jar):
            fail("%s is missing. Build first: (cd %s && mvn -B package -DskipTests)" % (jar, ROOT))
    chosen = args.variants.split(",") if args.variants else None
    if chosen:
        for variant in chosen:
            if variant not in ALL_VARIANTS:
                fail("unknown variant '%s'; choose from %s" % (variant, ", ".join(ALL_VARIANTS)))
    wants_otel = not args.no_otel and any(
        "otel" in (chosen or DEFAULT_VARIANTS[h]) for h in hosts)
    otel = otel_jar(wants_otel) if wants_otel else None
    javas = args.java or [os.path.join(os.environ["JAVA_HOME"], "bin", "java")
                          if os.environ.get("JAVA_HOME") else "java"]

    print("Side by side: %d timed rounds after %d warm-up rounds, interleaved; medians, ratios against 'none'"
          " of the same round" % (args.runs, args.warmup))
    print("machine: %d cores, %s" % (os.cpu_count(), time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    sizes = [("tracked-agent.jar", AGENT_JAR), ("plain-bytebuddy-agent.jar", PLAIN_JAR)]
    if otel:
        sizes.append((os.path.basename(otel), otel))
    print("jar sizes: " + ", ".join("%s %s bytes" % (name, format(os.path.getsize(path), ",")) for name, path in sizes))
    for java in javas:
        version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
        print("\nJVM: %s (%s)" % (java, version))
        for host in hosts:
            variants = [v for v in (chosen or DEFAULT_VARIANTS[host]) if v != "otel" or otel]
            if "none" not in variants:
                variants = ["none"] + variants
            measure(java, host, variants, args, otel)


if __name__ == "__main__":
    main()
