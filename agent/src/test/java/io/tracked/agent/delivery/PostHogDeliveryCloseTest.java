package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.Event;
import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * At exit close() returns within its budget whatever the endpoint does, and every event is either
 * acknowledged or kept, never both and never neither. The bound asserted is the contract's budget
 * with generous slack for a loaded machine; the figures are measured in the integration tests.
 */
class PostHogDeliveryCloseTest {

  private static final long BUDGET_MILLIS = 1_500;
  private static final long SLACK_MILLIS = 3_000;

  private static long closeAndTime(PostHogDelivery delivery) {
    long start = System.nanoTime();
    delivery.close(BUDGET_MILLIS);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void assertEachOnce(List<Event> events, List<String> acknowledged, List<String> kept) {
    Set<String> seen = new HashSet<>();
    for (String uuid : acknowledged) {
      assertTrue(seen.add(uuid), "acknowledged twice: " + uuid);
    }
    for (String uuid : kept) {
      assertTrue(seen.add(uuid), "both acknowledged and kept, or kept twice: " + uuid);
    }
    assertEquals(new HashSet<>(Events.uuids(events)), seen, "every event acknowledged or kept");
  }

  private static List<String> acknowledged(FakePostHog posthog) {
    return posthog.events().stream().map(CapturedEvent::uuid).collect(Collectors.toList());
  }

  @Test
  void healthyEndpointGetsEverythingAtExit() {
    try (FakePostHog posthog = FakePostHog.start("phc_close_key")) {
      MemoryStore store = new MemoryStore();
      PostHogDelivery delivery = PostHogDelivery.start(posthog.apiKey(), URI.create(posthog.url()), Gates.on(), store);
      List<Event> events = Events.events(230);
      events.forEach(delivery::send);

      long took = closeAndTime(delivery);

      assertTrue(took < BUDGET_MILLIS + SLACK_MILLIS, "close took " + took + " ms");
      assertEquals(230, posthog.events().size(), "the last attempt sends what waits at once");
      assertEachOnce(events, acknowledged(posthog), store.keptUuids());
      assertTrue(store.closed);
    }
  }

  @Test
  void unreachableEndpointKeepsEverything() {
    MemoryStore store = new MemoryStore();
    PostHogDelivery delivery = PostHogDelivery.start("phc_key",
        URI.create("http://127.0.0.1:" + FakePostHog.unusedPort()), Gates.on(), store);
    List<Event> events = Events.events(30);
    events.forEach(delivery::send);

    long took = closeAndTime(delivery);

    assertTrue(took < BUDGET_MILLIS + SLACK_MILLIS, "close took " + took + " ms");
    assertEachOnce(events, List.of(), store.keptUuids());
  }

  @Test
  void hangingEndpointKeepsTheBatchOnTheWireToo() {
    try (FakePostHog posthog = FakePostHog.start("phc_close_key")) {
      posthog.hang();
      MemoryStore store = new MemoryStore();
      PostHogDelivery delivery = PostHogDelivery.start(posthog.apiKey(), URI.create(posthog.url()), Gates.on(), store);
      List<Event> events = Events.events(130);
      events.forEach(delivery::send);
      posthog.awaitRequests(requests -> !requests.isEmpty(), Duration.ofSeconds(10));

      long took = closeAndTime(delivery);

      assertTrue(took < BUDGET_MILLIS + SLACK_MILLIS, "close took " + took + " ms");
      assertEachOnce(events, acknowledged(posthog), store.keptUuids());
      assertEquals(130, store.kept.size());
    }
  }

  @Test
  void longRetryAfterKeepsWithoutAnotherAttempt() {
    try (FakePostHog posthog = FakePostHog.start("phc_close_key")) {
      posthog.respondWith(429, Duration.ofSeconds(300));
      MemoryStore store = new MemoryStore();
      PostHogDelivery delivery = PostHogDelivery.start(posthog.apiKey(), URI.create(posthog.url()), Gates.on(), store);
      List<Event> events = Events.events(60);
      events.forEach(delivery::send);
      posthog.awaitRequests(requests -> !requests.isEmpty(), Duration.ofSeconds(10));

      long took = closeAndTime(delivery);

      assertTrue(took < BUDGET_MILLIS + SLACK_MILLIS, "close took " + took + " ms");
      assertEquals(1, posthog.requestCount(), "Retry-After is honoured at exit too");
      assertEachOnce(events, List.of(), store.keptUuids());
    }
  }

  @Test
  void consentOffAtExitNeitherSendsNorKeeps() {
    try (FakePostHog posthog = FakePostHog.start("phc_close_key")) {
      AtomicBoolean allowed = new AtomicBoolean(false);
      MemoryStore store = new MemoryStore();
      PostHogDelivery delivery = PostHogDelivery.start(posthog.apiKey(), URI.create(posthog.url()),
          Gates.gate(allowed), store);
      delivery.send(Events.event("chat", 1));

      closeAndTime(delivery);

      assertEquals(0, posthog.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(5)).size());
      assertTrue(store.kept.isEmpty());
    }
  }
}
