package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.FakePostHog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostHog unavailable for a whole run (503, refused, hanging, 429 with a Retry-After longer than the
 * run): the host exits on time, the events wait in the spool, and the next start delivers them, each
 * once, with the uuid and the time of the call they were captured with.
 */
class DeliveryOutageIT {

  private final DeliveryRuns runs = new DeliveryRuns();

  private void secondStartDeliversBoth(FakePostHog posthog, int firstCount) {
    posthog.behaveNormally();
    long secondStart = System.currentTimeMillis();
    DeliveryRuns.Run second = runs.run(posthog.url(), 2, 30, 30);
    DeliveryRuns.assertExitWithinBudget(second);
    posthog.awaitEvents(events -> DeliveryRuns.arrivals(posthog).uuidsByStep().size() >= firstCount + 30,
        Duration.ofSeconds(30));
    DeliveryRuns.Arrivals arrivals = DeliveryRuns.arrivals(posthog);
    arrivals.assertEveryStepOnce(Map.of(1, firstCount, 2, 30));
    assertEquals(0, arrivals.repeatedUuids(), "nothing was stored by the failing endpoint, so nothing twice");
    for (CapturedEvent event : posthog.events("delivery_step")) {
      if (((Number) event.property("run")).intValue() == 1) {
        Instant stamped = Instant.parse(event.timestamp());
        // The timestamp is the end of the call (the advice runs as the method returns), never the time
        // it was queued or sent: within a moment of what the host read just before the call.
        long sinceCall = stamped.toEpochMilli() - ((Number) event.property("calledAt")).longValue();
        assertTrue(sinceCall >= 0 && sinceCall < 1_000, "the call's time, not queue time: " + sinceCall + " ms after it");
        assertTrue(stamped.toEpochMilli() < secondStart, "replayed with the time it was captured");
      }
    }
    assertEquals(0, runs.spooledRecords(), "the spool is empty once everything is acknowledged");
    System.out.println("[delivery-figures] arrivals: " + arrivals.uuidsByStep().size() + " steps, "
        + arrivals.repeatedUuids() + " repeated uuids");
  }

  @Test
  void serviceUnavailableForAWholeRunThenANormalStart() {
    runs.scenario("serviceUnavailableForAWholeRunThenANormalStart");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      posthog.respondWith(503);
      DeliveryRuns.Run first = runs.run(posthog.url(), 1, 30, 20);
      DeliveryRuns.assertExitWithinBudget(first);
      assertTrue(posthog.events().isEmpty());
      assertEquals(30, runs.spooledRecords(), "every event of the run waits in the spool");

      secondStartDeliversBoth(posthog, 30);
    }
  }

  @Test
  void connectionRefusedThenANormalStart() {
    runs.scenario("connectionRefusedThenANormalStart");
    int port = FakePostHog.unusedPort();
    DeliveryRuns.Run first = runs.run("http://127.0.0.1:" + port, 1, 300, 0);
    DeliveryRuns.assertExitWithinBudget(first);
    assertEquals(300, runs.spooledRecords());
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY, port)) {
      secondStartDeliversBoth(posthog, 300);
    }
  }

  @Test
  void hangingEndpointThenANormalStart() {
    runs.scenario("hangingEndpointThenANormalStart");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      posthog.hang();
      DeliveryRuns.Run first = runs.run(posthog.url(), 1, 200, 0);
      DeliveryRuns.assertExitWithinBudget(first);
      assertEquals(200, runs.spooledRecords(), "the batch left hanging on the wire is spooled too");

      secondStartDeliversBoth(posthog, 200);
    }
  }

  @Test
  void retryAfterLongerThanTheRunThenANormalStart() {
    runs.scenario("retryAfterLongerThanTheRunThenANormalStart");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      posthog.respondWith(429, Duration.ofSeconds(3_600));
      DeliveryRuns.Run first = runs.run(posthog.url(), 1, 100, 10);
      DeliveryRuns.assertExitWithinBudget(first);
      assertEquals(1, posthog.requestCount(), "Retry-After is honoured, at exit too");
      assertEquals(100, runs.spooledRecords());

      secondStartDeliversBoth(posthog, 100);
    }
  }

  @Test
  void exitDuringTheBackOffWithTheServerHealthyAgain() {
    runs.scenario("exitDuringTheBackOffWithTheServerHealthyAgain");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      posthog.respondWithNext(1, 503); // the first batch fails; the server is fine again at once
      DeliveryRuns.Run first = runs.run(posthog.url(), 1, 550, 0);
      DeliveryRuns.assertExitWithinBudget(first);
      int inRun = DeliveryRuns.arrivals(posthog).uuidsByStep().size();
      System.out.println("[delivery-figures] exit in back-off: " + inRun + " of 550 delivered by the run itself, "
          + runs.spooledRecords() + " spooled");

      secondStartDeliversBoth(posthog, 550);
    }
  }

  @Test
  void turningTelemetryOffDeletesTheSpool() {
    runs.scenario("optOut");
    int port = FakePostHog.unusedPort();
    DeliveryRuns.assertExitWithinBudget(runs.run("http://127.0.0.1:" + port, 1, 40, 0));
    assertEquals(40, runs.spooledRecords());
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY, port)) {
      DeliveryRuns.Run off = DeliveryRuns.finish(
          runs.child(posthog.url(), 2, 30, 0).env("DO_NOT_TRACK", "1").start(), "optOut, run 2 (DO_NOT_TRACK=1)");
      DeliveryRuns.assertExitWithinBudget(off);
      assertEquals(0, runs.spooledRecords(), "the opt-out deleted what an earlier run kept");
      assertEquals(0, posthog.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(5)).size(), "nothing sent");
    }
  }
}
