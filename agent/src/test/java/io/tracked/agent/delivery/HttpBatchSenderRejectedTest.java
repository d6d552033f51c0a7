package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.posthog.java.QueueManager;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A 401 (or another 4xx) will not get better by retrying: the batch is dropped, not queued nor spilled. */
class HttpBatchSenderRejectedTest {

  private final FakePostHog posthog = FakePostHog.start("phc_the_right_key");

  @AfterEach
  void stop() {
    posthog.close();
  }

  @Test
  void wrongKeyIsDroppedWithoutRetry() {
    List<List<String>> spilled = new ArrayList<>();
    HttpBatchSender sender = new HttpBatchSender("phc_a_wrong_key", URI.create(posthog.url()), () -> true, spilled::add);
    QueueManager queue = new QueueManager.Builder(sender).build();
    sender.retryThrough(queue);

    assertEquals(Boolean.TRUE, sender.send(Events.json(3)), "done with: dropped");
    assertEquals(1, posthog.requestCount());
    assertEquals(401, posthog.requests().get(0).status());
    assertEquals(0, queue.queueSize());

    queue.sendAll();
    assertEquals(1, posthog.awaitQuiet(Duration.ofMillis(200), Duration.ofSeconds(5)).size(), "no retry");
    assertTrue(spilled.isEmpty());
    assertTrue(posthog.events().isEmpty());
  }

  @Test
  void badRequestIsDroppedWithoutRetry() {
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> true, l -> { });
    QueueManager queue = new QueueManager.Builder(sender).build();
    sender.retryThrough(queue);
    posthog.respondWithNext(1, 400);

    assertEquals(Boolean.TRUE, sender.send(Events.json(1)));
    assertEquals(0, queue.queueSize());
  }

  @Test
  void aRejectionDoesNotDelayTheNextBatch() {
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> true, l -> { });
    posthog.respondWithNext(1, 401);

    sender.send(Events.json(1));
    sender.send(Events.json(2));

    assertEquals(2, posthog.requestCount());
    assertEquals(2, posthog.events().size());
  }
}
