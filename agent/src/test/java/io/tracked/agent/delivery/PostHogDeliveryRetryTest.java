package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.Event;
import io.tracked.agent.testing.Poll;
import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While the host runs, what PostHog did not take is retried after a pause, with the same uuids, once each. */
class PostHogDeliveryRetryTest {

  private final FakePostHog posthog = FakePostHog.start("phc_retry_test_key");
  private final MemoryStore store = new MemoryStore();
  private PostHogDelivery delivery;

  @AfterEach
  void stop() {
    if (delivery != null) {
      delivery.close(1_000);
    }
    posthog.close();
  }

  private List<String> received() {
    return posthog.events().stream().map(CapturedEvent::uuid).sorted().collect(Collectors.toList());
  }

  @Test
  void serviceUnavailableIsRetriedWithTheSameEvents() {
    posthog.respondWithNext(1, 503);
    delivery = PostHogDelivery.start(posthog.apiKey(), URI.create(posthog.url()), Gates.on(), store);
    List<Event> events = Events.events(4);
    events.forEach(delivery::send);

    Poll.until(() -> posthog.events().size() >= 4, Duration.ofSeconds(15), posthog::toString);

    assertEquals(Events.uuids(events).stream().sorted().collect(Collectors.toList()), received());
    assertTrue(posthog.duplicateUuids().isEmpty());
    assertEquals(1, posthog.requests().stream().filter(r -> r.status() == 503).count(), "one failed attempt");
    assertTrue(posthog.requestCount() <= 3, "the retry replays what failed: " + posthog.requests());
    assertTrue(store.kept.isEmpty(), "delivered in this run: nothing kept");
  }

  @Test
  void noRequestStormDuringTheBackOff() {
    posthog.respondWith(503);
    delivery = PostHogDelivery.start(posthog.apiKey(), URI.create(posthog.url()), Gates.on(), store);
    Events.events(120).forEach(delivery::send);

    posthog.awaitRequests(requests -> requests.size() >= 3, Duration.ofSeconds(20));

    // Back-off of 1 s, then 2 s: three attempts need at least 3 s; a spin would make hundreds.
    assertTrue(posthog.requestCount() < 10, posthog.requestCount() + " requests");
  }

  @Test
  void replaysWhatTheStoreKeptOnceTheEndpointAnswers() {
    store.keep(Events.serialized(150));
    List<String> kept = store.keptUuids().stream().sorted().collect(Collectors.toList());

    delivery = PostHogDelivery.start(posthog.apiKey(), URI.create(posthog.url()), Gates.on(), store);

    Poll.until(() -> posthog.events().size() >= 150, Duration.ofSeconds(15), posthog::toString);
    assertEquals(kept, received());
    Poll.until(() -> store.replayed == 150, Duration.ofSeconds(5), () -> "replayed " + store.replayed);
    assertTrue(store.kept.isEmpty());
  }

  @Test
  void refusedBatchesAreDroppedAndCountedEachTime() {
    posthog.respondWith(401);
    delivery = PostHogDelivery.start(posthog.apiKey(), URI.create(posthog.url()), Gates.on(), store);
    Events.events(60).forEach(delivery::send);
    posthog.awaitRequests(requests -> requests.size() >= 1, Duration.ofSeconds(10));
    Events.events(7).forEach(delivery::send);

    Poll.until(() -> delivery.rejectedTotal() == 67, Duration.ofSeconds(10), () -> "counted " + delivery.rejectedTotal());
    assertTrue(store.kept.isEmpty(), "a refused event is never kept for a retry");
  }
}
