package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Several editors on one Continue directory at once: three spooling together while PostHog is down,
 * then two starting together once it is back, replaying the shared spool between them. Every event
 * arrives once, and all of them carry one anonymous id.
 */
class DeliveryConcurrentIT {

  @Test
  void threeSpoolTogetherThenTwoReplayTogether() {
    DeliveryRuns runs = new DeliveryRuns();
    int port = FakePostHog.unusedPort();
    String host = "http://127.0.0.1:" + port;
    List<ChildJvm.Running> down = new ArrayList<>();
    for (int run = 1; run <= 3; run++) {
      down.add(runs.child(host, run, 200, 2).start());
    }
    for (int i = 0; i < down.size(); i++) {
      try (ChildJvm.Running child = down.get(i)) {
        DeliveryRuns.assertExitWithinBudget(DeliveryRuns.finish(child, "spooling together, run " + (i + 1)));
      }
    }
    assertEquals(600, runs.spooledRecords());

    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY, port)) {
      List<ChildJvm.Running> up = List.of(runs.child(host, 4, 30, 50).start(), runs.child(host, 5, 30, 50).start());
      for (int i = 0; i < up.size(); i++) {
        try (ChildJvm.Running child = up.get(i)) {
          DeliveryRuns.assertExitWithinBudget(DeliveryRuns.finish(child, "replaying together, run " + (i + 4)));
        }
      }
      posthog.awaitEvents(events -> DeliveryRuns.arrivals(posthog).uuidsByStep().size() >= 660, Duration.ofSeconds(30));
      DeliveryRuns.Arrivals arrivals = DeliveryRuns.arrivals(posthog);
      arrivals.assertEveryStepOnce(Map.of(1, 200, 2, 200, 3, 200, 4, 30, 5, 30));
      assertEquals(0, arrivals.repeatedUuids(), "two processes never replay the same record");
      assertEquals(0, runs.spooledRecords());
      Set<String> ids = posthog.events().stream().map(CapturedEvent::distinctId).collect(Collectors.toSet());
      System.out
          .println("[delivery-figures] concurrent: " + arrivals.events() + " arrivals, distinct ids " + ids.size());
      assertEquals(1, ids.size(), "one anonymous id per Continue directory: " + ids);
    }
  }
}
