package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.consent.ConsentGate;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Opting out discards by name: the queue, the batch on the wire and the store; nothing is sent afterwards. */
class PostHogDeliveryOptOutTest {

  @Test
  void optOutEmptiesEveryHolderWithoutSending() {
    try (FakePostHog posthog = FakePostHog.start("phc_optout_key")) {
      posthog.respondWith(503);
      AtomicBoolean allowed = new AtomicBoolean(true);
      ConsentGate gate = Gates.gate(allowed);
      MemoryStore store = new MemoryStore();
      store.keep(Events.serialized(5));
      PostHogDelivery delivery = PostHogDelivery.start(posthog.apiKey(), URI.create(posthog.url()), gate, store);
      Events.events(20).forEach(delivery::send);
      posthog.awaitRequests(requests -> !requests.isEmpty(), Duration.ofSeconds(10));

      allowed.set(false);
      gate.refresh();
      delivery.discardPending();
      posthog.behaveNormally();
      int requestsAtOptOut = posthog.requestCount();

      assertEquals(0, delivery.waiting());
      assertTrue(store.kept.isEmpty(), "the store is deleted");
      delivery.close(1_000);
      assertEquals(requestsAtOptOut, posthog.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(5)).size(),
          "no request after the opt-out, not even at exit");
      assertTrue(store.kept.isEmpty(), "nothing kept at exit either");
    }
  }
}
