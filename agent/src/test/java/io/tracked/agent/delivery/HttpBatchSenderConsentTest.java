package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.posthog.java.QueueManager;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Consent is asked before every request: while it is off nothing is sent, kept or spilled. */
class HttpBatchSenderConsentTest {

  private final FakePostHog posthog = FakePostHog.start("phc_consent_test_key");

  @AfterEach
  void stop() {
    posthog.close();
  }

  @Test
  void consentOffMakesNoRequestAndDiscardsTheBatch() {
    List<List<String>> spilled = new ArrayList<>();
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> false, spilled::add);
    QueueManager queue = new QueueManager.Builder(sender).build();
    sender.retryThrough(queue);

    assertEquals(Boolean.TRUE, sender.send(Events.json(5)), "true: the batch is done with, not retried");

    assertEquals(0, posthog.awaitQuiet(Duration.ofMillis(200), Duration.ofSeconds(5)).size());
    assertEquals(0, queue.queueSize(), "nothing held back for later");
    assertTrue(spilled.isEmpty(), "nothing written to disk either");
  }

  @Test
  void consentIsAskedForEachBatch() {
    AtomicBoolean allowed = new AtomicBoolean(false);
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), allowed::get, l -> { });

    sender.send(Events.json(1));
    allowed.set(true);
    sender.send(Events.json(2));
    allowed.set(false);
    sender.send(Events.json(4));

    assertEquals(1, posthog.requestCount());
    assertEquals(2, posthog.events().size());
  }

  @Test
  void consentOffWhileClosingSpillsNothing() {
    List<List<String>> spilled = new ArrayList<>();
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> false, spilled::add);
    sender.startClosing();

    sender.send(Events.json(3));

    assertEquals(0, posthog.requestCount());
    assertTrue(spilled.isEmpty(), "an opt-out must not leave events on disk at exit");
  }
}
