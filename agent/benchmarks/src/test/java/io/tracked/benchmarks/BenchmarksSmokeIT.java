package io.tracked.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A few seconds of every benchmark, with the packaged jars, so that none of them rots unnoticed: each
 * must run to its end and print its figures. Nothing here judges the figures (machines are shared and
 * noisy); the full runs are by hand (README.md).
 */
class BenchmarksSmokeIT {

  private static final Path BENCH = Path.of(System.getProperty("tracked.bench.dir", "."));
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @Test
  void sideBySideRunsEveryHostAndChecksThatTrackedRecorded() throws Exception {
    String out = run(List.of("python3", BENCH.resolve("sidebyside.py").toString(), "--smoke", "--java", JAVA));
    for (String host : List.of("sample", "early", "swing", "flood")) {
      assertTrue(out.contains("host " + host), "no figures for host " + host + ":\n" + out);
    }
    assertTrue(out.contains("jar sizes: tracked-agent.jar"), out);
    assertTrue(out.contains("plain-bb"), out);
    assertTrue(out.contains("check: tracked wrote 1000 events"), "the early host's calls were not recorded:\n" + out);
  }

  @Test
  void trackedCallBenchmarkRunsEveryVariant() throws Exception {
    String out = run(jmh("TrackedCallBenchmark"));
    assertTrue(out.contains("[tracked-bench] caller thread:"), out);
    for (String variant : List.of("plain", "annotatedNoAgent", "plainWithAgent", "trackedConsentOff",
        "trackedConsentOnSaturated", "trackedConsentOnBurst", "pacedPlain", "pacedTrackedConsentOn",
        "pacedTrackedConsentOff")) {
      assertTrue(out.contains("TrackedCallBenchmark." + variant + " "), "no score for " + variant + ":\n" + out);
    }
  }

  @Test
  void sanitizerBenchmarkRuns() throws Exception {
    String out = run(jmh("SanitizerBenchmark"));
    assertTrue(out.contains("SanitizerBenchmark.nsPerValue"), out);
  }

  @Test
  void eventBuildBenchmarkRuns() throws Exception {
    String out = run(jmh("EventBuildBenchmark"));
    assertTrue(out.contains("EventBuildBenchmark.buildAndSerialize"), out);
  }

  @Test
  void throughputBenchmarkDeliversToTheLoopbackEndpoint() throws Exception {
    String out = run(List.of(JAVA, "-cp", BENCH.resolve("target/benchmarks.jar").toString(),
        ThroughputBenchmark.class.getName(), "--rate", "2000", "--seconds", "0.5", "--java", JAVA));
    assertTrue(out.contains("throughput: 2,000 calls/s"), out);
    assertTrue(out.contains("delivered 1,000 (100.0 %)"), "not every paced call was delivered:\n" + out);
  }

  private static List<String> jmh(String benchmark) {
    return List.of(JAVA, "-jar", BENCH.resolve("target/benchmarks.jar").toString(), benchmark,
        "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms", "-jvm", JAVA);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("bench-smoke", ".log");
    List<String> full = new ArrayList<>(command);
    Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("still running after 5 minutes: " + full);
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), "failed: " + full + "\n" + out);
    return out;
  }
}
