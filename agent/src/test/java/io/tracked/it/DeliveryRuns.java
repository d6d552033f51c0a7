package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the delivery fixture ({@code io.tracked.fixture.DeliveryHost}) in child JVMs that share one
 * home, so one Continue directory and one spool, as a user's successive (or simultaneous) editor
 * starts do, and checks what arrived by uuid.
 */
final class DeliveryRuns {

  /** The contract: exit at most 2 s past the host's own end. Slack for a loaded, shared machine. */
  static final long EXIT_BUDGET_MILLIS = 2_000;
  static final long SLACK_MILLIS = 3_000;
  private static final Pattern HOST_END = Pattern.compile("host end (\\d+)");
  private static final Pattern SEGMENT =
      Pattern.compile("\\d{13}-[0-9a-f]{16}-(\\d+)-\\d+\\.(\\d+)\\.(?:seg|claim-[0-9a-f]{16})");

  final Path home;
  private String scenario = "";

  /** Names the scenario in the figures printed for the report. */
  DeliveryRuns scenario(String name) {
    scenario = name + ", ";
    return this;
  }

  DeliveryRuns() {
    try {
      home = Files.createTempDirectory("tracked-delivery-home");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One finished run and how long its process took to exit past the end of its main. */
  record Run(ChildJvm.Result result, long exitPastEndMillis) {}

  ChildJvm child(String host, int run, int count, long paceMillis, String... extraAgentOptions) {
    String options = "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + host
        + (extraAgentOptions.length == 0 ? "" : "," + String.join(",", extraAgentOptions));
    return ChildJvm.builder()
        .java(ChildJvm.javasUnderTest().get(0))
        .javaAgent(AgentHarness.agentJar(), options)
        .mainClass("io.tracked.fixture.DeliveryHost", AgentHarness.fixtureClasspath())
        .userHome(home)
        .args(String.valueOf(run), String.valueOf(count), String.valueOf(paceMillis));
  }

  Run run(String host, int run, int count, long paceMillis) {
    return finish(child(host, run, count, paceMillis).start(), scenario + "run " + run);
  }

  static Run finish(ChildJvm.Running child, String name) {
    ChildJvm.Result result = child.waitFor(Duration.ofSeconds(120));
    assertFalse(result.timedOut(), "the host hung at exit: " + result);
    result.expectExit(0);
    long exitedAt = awaitExit(child);
    Matcher end = HOST_END.matcher(result.stdout());
    assertTrue(end.find(), result.toString());
    long past = exitedAt - Long.parseLong(end.group(1));
    System.out.println("[delivery-figures] " + name + ": exit " + past + " ms past the host's own end");
    return new Run(result, past);
  }

  static long awaitExit(ChildJvm.Running child) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (child.exitedAtMillis() == 0 && System.currentTimeMillis() < deadline) {
      Thread.onSpinWait();
    }
    return child.exitedAtMillis();
  }

  static void assertExitWithinBudget(Run run) {
    assertTrue(run.exitPastEndMillis() < EXIT_BUDGET_MILLIS + SLACK_MILLIS,
        "exit took " + run.exitPastEndMillis() + " ms past the host's end\n" + run.result());
  }

  /**
   * Records kept in the spool and not yet acknowledged, over every destination, read from the
   * segment names ({@code STAMP-UID-COUNT-BYTES.SKIP.seg} or {@code .claim-OWNER}); a segment still
   * being written ({@code .open-OWNER}) counts its complete lines.
   */
  long spooledRecords() {
    Path spool = home.resolve(".continue/telemetry/spool");
    if (!Files.isDirectory(spool)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(spool)) {
      return files.filter(Files::isRegularFile).mapToLong(DeliveryRuns::remaining).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long remaining(Path file) {
    Matcher committed = SEGMENT.matcher(file.getFileName().toString());
    if (committed.matches()) {
      return Long.parseLong(committed.group(1)) - Long.parseLong(committed.group(2));
    }
    if (file.getFileName().toString().matches("\\d{13}-[0-9a-f]{16}\\.open-[0-9a-f]{16}")) {
      try {
        return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
      } catch (IOException gone) {
        return 0;
      }
    }
    return 0;
  }

  /** What arrived, grouped: the uuids received for each (run, seq), and how many arrivals repeated a uuid. */
  record Arrivals(Map<String, Set<String>> uuidsByStep, int repeatedUuids, int events) {

    /** Every step of every run arrived, each under exactly one uuid. */
    void assertEveryStepOnce(Map<Integer, Integer> countsByRun) {
      List<String> missing = new ArrayList<>();
      countsByRun.forEach((run, count) -> {
        for (int seq = 0; seq < count; seq++) {
          if (!uuidsByStep.containsKey(run + "/" + seq)) {
            missing.add(run + "/" + seq);
          }
        }
      });
      assertTrue(missing.isEmpty(), missing.size() + " steps never arrived, e.g. "
          + missing.subList(0, Math.min(10, missing.size())));
      for (Map.Entry<String, Set<String>> step : uuidsByStep.entrySet()) {
        assertEquals(1, step.getValue().size(), "step " + step.getKey() + " arrived as different events " + step.getValue());
      }
      int expected = countsByRun.values().stream().mapToInt(Integer::intValue).sum();
      assertEquals(expected, uuidsByStep.size(), "no step beyond those recorded");
    }
  }

  static Arrivals arrivals(FakePostHog posthog) {
    Map<String, Set<String>> byStep = new HashMap<>();
    Set<String> seen = new HashSet<>();
    int repeated = 0;
    List<CapturedEvent> events = posthog.events("delivery_step");
    for (CapturedEvent event : events) {
      String step = ((Number) event.property("run")).intValue() + "/" + ((Number) event.property("seq")).intValue();
      byStep.computeIfAbsent(step, s -> new HashSet<>()).add(event.uuid());
      if (!seen.add(event.uuid())) {
        repeated++;
      }
    }
    return new Arrivals(byStep, repeated, events.size());
  }
}
