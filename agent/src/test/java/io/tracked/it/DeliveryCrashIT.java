package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A host killed (kill -9) while the agent writes the spool: the next start replays what was written,
 * cleanly (every record whole, none twice), and leaves the spool empty.
 */
class DeliveryCrashIT {

  @Test
  void killedWhileSpoolingThenANormalStartReplaysCleanly() throws Exception {
    DeliveryRuns runs = new DeliveryRuns();
    int port = FakePostHog.unusedPort();
    long spooledAtKill;
    try (ChildJvm.Running child = runs.child("http://127.0.0.1:" + port, 1, 1_000_000, 1).start()) {
      long deadline = System.currentTimeMillis() + 60_000;
      while (runs.spooledRecords() < 300 && System.currentTimeMillis() < deadline && child.isAlive()) {
        Thread.sleep(20);
      }
      assertTrue(child.isAlive(), child.stderrSoFar());
      spooledAtKill = runs.spooledRecords();
      // close() kills forcibly: SIGKILL, no shutdown hook, possibly in the middle of a spool write.
    }
    assertTrue(spooledAtKill >= 300, "spooled before the kill: " + spooledAtKill);

    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY, port).strict(true)) {
      DeliveryRuns.assertExitWithinBudget(runs.run(posthog.url(), 2, 30, 30));
      posthog.awaitEvents(events -> DeliveryRuns.arrivals(posthog).uuidsByStep().size() >= spooledAtKill + 30,
          Duration.ofSeconds(30));
      DeliveryRuns.Arrivals arrivals = DeliveryRuns.arrivals(posthog);
      long firstRun = arrivals.uuidsByStep().keySet().stream().filter(step -> step.startsWith("1/")).count();
      System.out.println("[delivery-figures] kill -9: " + spooledAtKill + " records spooled at the kill, "
          + firstRun + " replayed; " + arrivals.repeatedUuids() + " repeated uuids");
      assertTrue(posthog.requests().stream().allMatch(r -> r.status() == 200), "every replayed record was whole");
      assertEquals(0, arrivals.repeatedUuids());
      arrivals.assertEveryStepOnce(Map.of(2, 30, 1, (int) firstRun));
      assertEquals(0, runs.spooledRecords());
    }
  }
}
