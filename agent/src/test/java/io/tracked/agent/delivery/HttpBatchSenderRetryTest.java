package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.posthog.java.QueueManager;
import com.posthog.java.shaded.org.json.JSONObject;
import io.tracked.agent.testing.Poll;
import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A 5xx puts the batch back into posthog-java's queue; after the back-off the same events arrive once. */
class HttpBatchSenderRetryTest {

  private final FakePostHog posthog = FakePostHog.start("phc_retry_test_key");

  @AfterEach
  void stop() {
    posthog.close();
  }

  @Test
  void serviceUnavailableIsRetriedWithTheSameEvents() {
    List<List<String>> spilled = new ArrayList<>();
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> true, spilled::add);
    QueueManager queue = new QueueManager.Builder(sender).build();
    sender.retryThrough(queue);
    posthog.respondWithNext(1, 503);
    List<JSONObject> events = Events.json(4);

    assertEquals(Boolean.FALSE, sender.send(events), "not done: the batch is held for a retry");
    assertEquals(1, posthog.requestCount());
    assertEquals(503, posthog.requests().get(0).status());
    assertEquals(4, queue.queueSize(), "the events went back into the queue");

    // During the back-off nothing is sent; afterwards the queue's next flush delivers them.
    Poll.until(() -> {
      queue.sendAll();
      return posthog.events().size() >= 4;
    }, Duration.ofSeconds(10), () -> posthog.toString());

    assertEquals(2, posthog.requestCount(), "one failed attempt, one retry: no request storm during back-off");
    assertEquals(Events.uuids(events).stream().sorted().collect(Collectors.toList()),
        posthog.events().stream().map(CapturedEvent::uuid).sorted().collect(Collectors.toList()));
    assertTrue(posthog.duplicateUuids().isEmpty());
    assertEquals(0, queue.queueSize());
    assertTrue(spilled.isEmpty());
  }

  @Test
  void tooManyRequestsIsAlsoRetried() {
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> true, l -> { });
    QueueManager queue = new QueueManager.Builder(sender).build();
    sender.retryThrough(queue);
    posthog.respondWithNext(1, 429);

    assertEquals(Boolean.FALSE, sender.send(Events.json(2)));
    assertEquals(2, queue.queueSize());
    Poll.until(() -> {
      queue.sendAll();
      return posthog.events().size() >= 2;
    }, Duration.ofSeconds(10), () -> posthog.toString());
  }

  @Test
  void serverErrorWhileClosingSpillsInsteadOfHolding() {
    List<List<String>> spilled = new ArrayList<>();
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> true, spilled::add);
    QueueManager queue = new QueueManager.Builder(sender).build();
    sender.retryThrough(queue);
    posthog.respondWith(500);
    sender.startClosing();

    sender.send(Events.json(3));

    assertEquals(0, queue.queueSize());
    assertEquals(1, spilled.size());
    assertEquals(3, spilled.get(0).size());
  }
}
