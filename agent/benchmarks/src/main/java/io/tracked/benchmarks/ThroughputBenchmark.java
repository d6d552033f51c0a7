package io.tracked.benchmarks;

import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Question: how many events per second does the agent deliver end to end (host thread -> hand-off ->
 * consent -> sanitizer -> batch -> HTTP), and how many does it drop, when a host calls a tracked
 * method at a steady rate?
 *
 * <p>Starts a PostHog-compatible endpoint on loopback ({@link CountingPostHog}, which checks each batch
 * as PostHog's capture does and counts, or with {@code --endpoint fake} the testkit's {@link FakePostHog},
 * which records everything and costs more CPU per event than the agent), then a
 * child JVM running {@code hosts.PacedHost} with {@code -javaagent:tracked-agent.jar} (consent on
 * through a scratch {@code config.json}, PostHog pointed at the endpoint), which calls at
 * {@code --rate} calls/s for {@code --seconds}. While it runs, the endpoint's event count is sampled
 * every 50 ms. Prints the calls made, events delivered (and how many of them arrived twice), calls dropped at the hand-off (the agent's
 * own count), events the agent kept in its spool at exit (not delivered, not lost), the rest lost
 * otherwise, the delivery rate while calling and the best one-second delivery rate; then what the
 * agent's threads spent, in CPU time and allocated bytes, per event built (the host reports them from
 * {@code ThreadMXBean} once the hand-off is empty).
 *
 * <p>The endpoint's JDK {@code HttpServer} is told to set {@code TCP_NODELAY}: without it, it sends
 * each answer's headers and body in two writes, and Nagle's algorithm holds the body back until the
 * client's delayed ACK (40 ms on Linux), so every request took 45 ms on loopback whatever the agent
 * did; that measured the fake, not the agent (PostHog's own servers answer in one go).
 *
 * <p>Run: {@code java -cp agent/benchmarks/target/benchmarks.jar io.tracked.benchmarks.ThroughputBenchmark
 * [--rate N] [--seconds S] [--java PATH] [--agent JAR] [--endpoint counting|fake] [--child-jvm-arg ARG]...};
 * defaults 50,000
 * calls/s for 2 s, the counting endpoint and the agent
 * jar of this checkout ({@code --agent} runs another build, e.g. a baseline, in the same conditions).
 */
public final class ThroughputBenchmark {

  /** The agent's exit message about what it kept for a later attempt. */
  private static final Pattern KEPT = Pattern.compile("(\\d+) events PostHog had not acknowledged by exit are kept");

  private static final String API_KEY = "phc_throughput";
  /** Extra options for the host's JVM, e.g. {@code -XX:StartFlightRecording=...} to profile the agent. */
  private static final List<String> CHILD_JVM_ARGS = new ArrayList<>();

  private ThroughputBenchmark() {}

  private static double perEvent(long total, long events) {
    return events <= 0 ? 0.0 : (double) total / events;
  }

  /** The count once it has not moved for {@code quietMillis}, or at {@code maxMillis}. */
  private static long awaitQuiet(LongSupplier count, long quietMillis, long maxMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + maxMillis;
    long last = count.getAsLong();
    long since = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      long now = count.getAsLong();
      if (now != last) {
        last = now;
        since = System.currentTimeMillis();
      } else if (System.currentTimeMillis() - since >= quietMillis) {
        break;
      }
    }
    return last;
  }

  public static void main(String[] args) throws Exception {
    int rate = 50_000;
    double seconds = 2;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String agent = BenchmarkPaths.AGENT_JAR;
    boolean fake = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rate" -> rate = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--java" -> java = args[++i];
        case "--agent" -> agent = args[++i];
        case "--child-jvm-arg" -> CHILD_JVM_ARGS.add(args[++i]);
        case "--endpoint" -> fake = switch (args[++i]) {
          case "counting" -> false;
          case "fake" -> true;
          default -> throw new IllegalArgumentException("--endpoint takes counting or fake, not " + args[i]);
        };
        default -> {
          System.err.println("ThroughputBenchmark: unknown argument '" + args[i]
              + "'; usage: [--rate calls/s] [--seconds S] [--java PATH] [--agent JAR] [--endpoint counting|fake] [--child-jvm-arg ARG]...");
          System.exit(2);
        }
      }
    }
    Result result = run(java, agent, rate, seconds, fake);
    System.out.println(result);
    if (result.delivered == 0) {
      System.exit(1);
    }
  }

  record Result(int rate, double seconds, long calls, long callMillis, long delivered, long twice, long dropped,
      double deliveredPerSecondWhileCalling, double bestOneSecond, long keptAtExit, long lost,
      Map<String, long[]> agentThreads, Map<String, long[]> warmThreads) {
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(String.format("throughput: %,d calls/s for %.1f s: %,d calls in %,d ms;"
          + " delivered %,d (%.1f %%), %,d of them twice, dropped at the hand-off %,d, kept in the spool at exit %,d,"
          + " lost otherwise %,d;"
          + " delivery %,.0f events/s while calling, best 1 s window %,.0f events/s", rate, seconds, calls,
          callMillis, delivered, calls == 0 ? 0 : 100.0 * delivered / calls, twice, dropped, keptAtExit, lost,
          deliveredPerSecondWhileCalling, bestOneSecond));
      agentThreads.forEach((name, end) -> {
        if (!name.startsWith("tracked-events") && !name.startsWith("tracked-delivery")) {
          return; // consent threads: nothing per event
        }
        long built = end[2] - Math.max(0, end[3]);
        text.append(String.format("%n  agent thread %s: %,d ms CPU, %,d MB allocated; per event built (%,d):"
            + " %,.0f ns CPU, %,.0f B", name, end[0] / 1_000_000, end[1] >> 20, built, perEvent(end[0], built),
            perEvent(end[1], built)));
        long[] warm = warmThreads.get(name);
        if (warm != null) {
          long after = built - (warm[2] - Math.max(0, warm[3]));
          text.append(String.format("; after the first second (%,d): %,.0f ns CPU, %,.0f B", after,
              perEvent(end[0] - warm[0], after), perEvent(end[1] - warm[1], after)));
        }
      });
      return text.toString();
    }
  }

  static Result run(String java, String agent, int rate, double seconds, boolean fake)
      throws IOException, InterruptedException {
    // Before the first HttpServer of this JVM reads its settings (see the class comment).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try (FakePostHog posthog = fake ? FakePostHog.start(API_KEY) : null;
        CountingPostHog counting = fake ? null : new CountingPostHog(API_KEY)) {
      return fake ? run(java, agent, rate, seconds, posthog.url(), () -> posthog.events().size(),
          () -> posthog.duplicateUuids().size())
          : run(java, agent, rate, seconds, counting.url(), counting::events, counting::duplicates);
    }
  }

  private static Result run(String java, String agent, int rate, double seconds, String url, LongSupplier events,
      LongSupplier duplicates) throws IOException, InterruptedException {
    Path scratch = Files.createTempDirectory("tracked-throughput");
    Path config = scratch.resolve("config.json");
    Files.writeString(config, "{\"allowAnonymousTelemetry\": true}\n", StandardCharsets.UTF_8);
    {
      List<String> command = new ArrayList<>(List.of(java, "-Duser.home=" + scratch));
      command.addAll(CHILD_JVM_ARGS);
      command.addAll(List.of(
          "-javaagent:" + agent + "=config=" + config + ",outbox=" + scratch.resolve("outbox.jsonl")
              + ",posthog.apiKey=" + API_KEY + ",posthog.host=" + url,
          "-cp", BenchmarkPaths.EARLY_HOST_JAR, "io.tracked.benchmarks.hosts.PacedHost",
          Integer.toString(rate), Double.toString(seconds)));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().remove("DO_NOT_TRACK");
      builder.environment().remove("POSTHOG_API_KEY");
      builder.environment().keySet().removeIf(name -> name.startsWith("TRACKED_"));
      Path out = scratch.resolve("host.out");
      builder.redirectOutput(out.toFile()).redirectError(scratch.resolve("host.err").toFile());
      long start = System.nanoTime();
      Process process = builder.start();
      List<long[]> samples = new ArrayList<>(); // {nanos since start, events so far}
      while (!process.waitFor(50, TimeUnit.MILLISECONDS)) {
        samples.add(new long[] {System.nanoTime() - start, events.getAsLong()});
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("the paced host failed (exit " + process.exitValue() + "): "
            + Files.readString(scratch.resolve("host.err")));
      }
      long kept = 0;
      for (String line : Files.readAllLines(scratch.resolve("host.err"))) {
        System.out.println("  host stderr: " + line);
        Matcher keptLine = KEPT.matcher(line);
        if (keptLine.find()) {
          kept += Long.parseLong(keptLine.group(1));
        }
      }
      long delivered = awaitQuiet(events, 300, 10_000);
      long calls = 0;
      long callMillis = 0;
      long dropped = -1;
      Map<String, long[]> agentThreads = new TreeMap<>();
      Map<String, long[]> warmThreads = new TreeMap<>();
      for (String line : Files.readAllLines(out)) {
        String[] words = line.split(" ");
        if (words[0].equals("calls")) {
          calls = Long.parseLong(words[1]);
          callMillis = Long.parseLong(words[3]);
        } else if (words[0].equals("dropped")) {
          dropped = Long.parseLong(words[1]);
        } else if (words[0].equals("agent-thread") || words[0].equals("warm")) {
          // {cpu, bytes, calls, dropped}
          long[] values = {Long.parseLong(words[3]), Long.parseLong(words[5]), Long.parseLong(words[7]),
              Long.parseLong(words[9])};
          (words[0].equals("warm") ? warmThreads : agentThreads).put(words[1], values);
        }
      }
      // The calls start once the JVM and agent are up: take the window from the first delivery.
      long firstNanos = -1;
      double best = 0;
      for (int i = 0; i < samples.size(); i++) {
        if (firstNanos < 0 && samples.get(i)[1] > 0) {
          firstNanos = samples.get(i)[0];
        }
        for (int j = i + 1; j < samples.size(); j++) {
          if (samples.get(j)[0] - samples.get(i)[0] >= 1_000_000_000L) {
            best = Math.max(best,
                (samples.get(j)[1] - samples.get(i)[1]) * 1e9 / (samples.get(j)[0] - samples.get(i)[0]));
            break;
          }
        }
      }
      long whileCalling = 0;
      if (firstNanos >= 0) {
        for (long[] sample : samples) {
          if (sample[0] <= firstNanos + callMillis * 1_000_000L) {
            whileCalling = sample[1];
          }
        }
      }
      double whileRate = callMillis == 0 ? 0 : whileCalling * 1000.0 / callMillis;
      return new Result(rate, seconds, calls, callMillis, delivered, duplicates.getAsLong(), dropped, whileRate,
          best, kept,
          Math.max(0, calls - delivered - Math.max(0, dropped) - kept), agentThreads, warmThreads);
    }
  }
}
