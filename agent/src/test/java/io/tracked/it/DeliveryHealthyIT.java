package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.FakePostHog;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A healthy endpoint: everything arrives once (normally within the run itself; what the exit deadline
 * cuts off is spooled and sent by the next start); and while
 * PostHog is down for longer than memory could hold, nothing is dropped: the spool takes it.
 */
class DeliveryHealthyIT {

  @Test
  void healthyEndpointGetsEverythingOnce() {
    DeliveryRuns runs = new DeliveryRuns().scenario("healthy");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY).strict(true)) {
      DeliveryRuns.Run run = runs.run(posthog.url(), 1, 300, 0);
      DeliveryRuns.assertExitWithinBudget(run);
      int inRun = DeliveryRuns.arrivals(posthog).uuidsByStep().size();
      long spooled = runs.spooledRecords();
      System.out.println("[delivery-figures] healthy: " + inRun + " of 300 delivered by the run itself, " + spooled
          + " spooled at exit (a loaded machine can make the last batch miss the exit deadline)");
      assertEquals(300, inRun + spooled, "each event delivered or spooled");

      DeliveryRuns.assertExitWithinBudget(runs.run(posthog.url(), 2, 30, 30));
      DeliveryRuns.Arrivals arrivals = DeliveryRuns.arrivals(posthog);
      arrivals.assertEveryStepOnce(Map.of(1, 300, 2, 30));
      assertEquals(0, arrivals.repeatedUuids());
      assertEquals(0, runs.spooledRecords());
      assertTrue(posthog.privacyViolations().isEmpty(), posthog.privacyViolations().toString());
    }
  }

  @Test
  void moreThanMemoryHoldsWhileDownIsKeptNotDropped() {
    DeliveryRuns runs = new DeliveryRuns().scenario("11,000 while down");
    int port = FakePostHog.unusedPort();
    DeliveryRuns.Run first = runs.run("http://127.0.0.1:" + port, 1, 11_000, 1);
    DeliveryRuns.assertExitWithinBudget(first);
    long spooled = runs.spooledRecords();
    System.out.println("[delivery-figures] 11,000 while down: " + spooled + " spooled; stderr: "
        + AgentHarness.agentLines(first.result().stderr()));
    assertEquals(11_000, spooled, first.result().stderr());

    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY, port)) {
      // Each later start replays what it has time for (short runs here); what is left waits for the next.
      Map<Integer, Integer> counts = new java.util.HashMap<>(Map.of(1, 11_000));
      for (int run = 2; run <= 6 && runs.spooledRecords() > 0; run++) {
        DeliveryRuns.assertExitWithinBudget(runs.run(posthog.url(), run, 30, 50));
        counts.put(run, 30);
      }
      System.out.println("[delivery-figures] 11,000 while down: replayed by " + (counts.size() - 1) + " later starts");
      DeliveryRuns.Arrivals arrivals = DeliveryRuns.arrivals(posthog);
      arrivals.assertEveryStepOnce(counts);
      assertEquals(0, arrivals.repeatedUuids());
      assertEquals(0, runs.spooledRecords());
    }
  }
}
