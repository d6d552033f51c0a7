package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracked.testkit.FakePostHog;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An endpoint that stores a batch but whose answer never reaches the agent (too slow at exit, or the
 * connection dropped): the agent cannot know it was stored, so it keeps the batch and sends it again
 * later, with the same uuids, so PostHog can treat the repeat as one event. Every event still arrives
 * under exactly one uuid; the repeats are counted and reported, and only happen in these cases.
 */
class DeliveryAmbiguousIT {

  private final DeliveryRuns runs = new DeliveryRuns();

  private DeliveryRuns.Arrivals thenNormalStart(FakePostHog posthog, int firstCount) {
    posthog.behaveNormally();
    DeliveryRuns.assertExitWithinBudget(runs.run(posthog.url(), 2, 30, 30));
    posthog.awaitEvents(events -> DeliveryRuns.arrivals(posthog).uuidsByStep().size() >= firstCount + 30,
        Duration.ofSeconds(30));
    DeliveryRuns.Arrivals arrivals = DeliveryRuns.arrivals(posthog);
    arrivals.assertEveryStepOnce(Map.of(1, firstCount, 2, 30));
    assertEquals(0, runs.spooledRecords());
    return arrivals;
  }

  @Test
  void slowJustUnderTheDeadline() {
    runs.scenario("slowJustUnderTheDeadline");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      posthog.delay(Duration.ofMillis(600));
      DeliveryRuns.Run first = runs.run(posthog.url(), 1, 300, 0);
      DeliveryRuns.assertExitWithinBudget(first);
      DeliveryRuns.Arrivals arrivals = thenNormalStart(posthog, 300);
      System.out.println("[delivery-figures] slow 0.6 s: " + arrivals.repeatedUuids() + " repeated uuids of "
          + arrivals.events() + " arrivals");
      assertEquals(0, arrivals.repeatedUuids(), "answered within the deadline: nothing sent twice");
    }
  }

  @Test
  void slowJustOverTheDeadline() {
    runs.scenario("slowJustOverTheDeadline");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      posthog.delay(Duration.ofMillis(2_500));
      DeliveryRuns.Run first = runs.run(posthog.url(), 1, 300, 0);
      DeliveryRuns.assertExitWithinBudget(first);
      DeliveryRuns.Arrivals arrivals = thenNormalStart(posthog, 300);
      System.out.println("[delivery-figures] slow 2.5 s: " + arrivals.repeatedUuids() + " repeated uuids of "
          + arrivals.events() + " arrivals");
    }
  }

  @Test
  void storedThenConnectionDropped() {
    runs.scenario("storedThenConnectionDropped");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      posthog.storeThenDropConnection();
      DeliveryRuns.Run first = runs.run(posthog.url(), 1, 300, 5);
      DeliveryRuns.assertExitWithinBudget(first);
      DeliveryRuns.Arrivals arrivals = thenNormalStart(posthog, 300);
      System.out.println("[delivery-figures] store-then-drop: " + arrivals.repeatedUuids() + " repeated uuids of "
          + arrivals.events() + " arrivals");
    }
  }
}
