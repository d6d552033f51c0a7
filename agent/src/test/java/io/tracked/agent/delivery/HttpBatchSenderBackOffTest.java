package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.posthog.java.QueueManager;
import com.posthog.java.Sender;
import com.posthog.java.shaded.org.json.JSONObject;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * While PostHog is down the back-off must be a pause, not a busy loop: with at least a full batch held,
 * posthog-java's queue thread flushes immediately after every re-queue, so a sender that returns at
 * once during the back-off spins a host CPU until the back-off ends.
 */
class HttpBatchSenderBackOffTest {

  private final FakePostHog posthog = FakePostHog.start("phc_backoff_test_key");
  private Thread queueThread;
  private QueueManager queue;

  @AfterEach
  void stop() throws InterruptedException {
    if (queue != null) {
      queue.stop();
    }
    if (queueThread != null) {
      queueThread.join(5_000);
    }
    posthog.close();
  }

  @Test
  void queueThreadDoesNotSpinDuringTheBackOff() {
    posthog.respondWith(503);
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> true, l -> { });
    AtomicLong calls = new AtomicLong();
    Sender counting = new Sender() {
      @Override
      public Boolean send(java.util.List<JSONObject> events) {
        calls.incrementAndGet();
        return sender.send(events);
      }

      @Override
      public JSONObject post(String route, String distinctId) {
        return sender.post(route, distinctId);
      }
    };
    // PostHogSink's own queue settings.
    queue = new QueueManager.Builder(counting).maxQueueSize(50).maxTimeInQueue(Duration.ofSeconds(1)).sleepMs(100).build();
    sender.retryThrough(queue);
    for (JSONObject event : Events.json(60)) {
      queue.add(event);
    }
    queueThread = new Thread(queue, "test-queue");
    queueThread.setDaemon(true);
    queueThread.start();

    // First attempt fails with 503 and starts a back-off of about a second; the second attempt ends it.
    posthog.awaitRequests(requests -> requests.size() >= 1, Duration.ofSeconds(10));
    long atFirstFailure = calls.get();
    posthog.awaitRequests(requests -> requests.size() >= 2, Duration.ofSeconds(10));
    long duringBackOff = calls.get() - atFirstFailure;

    // The queue thread polls every 100 ms on its own; anything far above ~10 calls a second is a spin.
    assertTrue(duringBackOff < 100, duringBackOff + " send() calls during one back-off: the queue thread spins");
  }
}
