package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.Event;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PostHog slower than the host for a while: what no longer fits in memory goes to the spool, oldest
 * first, to be sent from there; it is not dropped.
 */
class PostHogDeliveryOverflowTest {

  @Test
  void aFullQueueSpillsItsOldestToTheStore() {
    try (FakePostHog posthog = FakePostHog.start("phc_overflow_key").delay(Duration.ofSeconds(3))) {
      MemoryStore store = new MemoryStore();
      PostHogDelivery delivery = PostHogDelivery.start(posthog.apiKey(), URI.create(posthog.url()), Gates.on(), store);
      // At most one batch on the wire and CAPACITY waiting: the rest must go somewhere.
      int total = PostHogDelivery.CAPACITY + PostHogDelivery.MAX_BATCH + 5_000;
      List<Event> events = Events.events(total);
      events.forEach(delivery::send);

      List<String> kept = store.keptUuids();
      assertTrue(kept.size() >= 5_000 - PostHogDelivery.SPILL_BATCH,
          "only " + kept.size() + " of the events that did not fit were kept");
      Set<String> sent = new HashSet<>(Events.uuids(events));
      assertTrue(sent.containsAll(kept), "kept what was sent");
      assertEquals(kept.size(), new HashSet<>(kept).size(), "each kept once");
      delivery.close(500);
    }
  }
}
