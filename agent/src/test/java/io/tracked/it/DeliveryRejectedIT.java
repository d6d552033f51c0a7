package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.FakePostHog;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Refused for good (4xx): nothing is kept or retried, and the messages add up to every refused event. */
class DeliveryRejectedIT {

  private static final Pattern REFUSED = Pattern.compile("refused (\\d+) (?:more )?events with status (\\d+)");

  @Test
  void everyRefusedEventIsCounted() {
    for (int status : new int[] {400, 401, 403, 404, 413}) {
      DeliveryRuns runs = new DeliveryRuns().scenario("status " + status);
      try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
        posthog.respondWith(status);
        DeliveryRuns.Run run = runs.run(posthog.url(), 1, 250, 4);
        DeliveryRuns.assertExitWithinBudget(run);

        long counted = 0;
        Matcher refused = REFUSED.matcher(run.result().stderr());
        while (refused.find()) {
          assertEquals(status, Integer.parseInt(refused.group(2)));
          counted += Long.parseLong(refused.group(1));
        }
        assertTrue(posthog.requestCount() > 1, "several batches, each refused: " + posthog.requestCount());
        assertEquals(250, counted, "status " + status + ": the messages count every refused event\n" + run.result().stderr());
        assertEquals(0, runs.spooledRecords(), "a refused event is never kept");
      }
    }
  }
}
