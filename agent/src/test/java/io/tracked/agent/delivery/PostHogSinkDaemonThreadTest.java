package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.testing.Poll;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** posthog-java's queue thread inherits its creator's daemon flag; ours must be a daemon whoever creates the sink. */
class PostHogSinkDaemonThreadTest {

  private static final String QUEUE_THREAD = "PostHog QueueManager thread";

  @TempDir Path dir;
  private final FakePostHog posthog = FakePostHog.start("phc_daemon_test_key");

  @AfterEach
  void stop() {
    posthog.close();
  }

  private static Set<Thread> queueThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals(QUEUE_THREAD))
        .collect(Collectors.toSet());
  }

  @Test
  void createdFromANonDaemonThreadTheQueueThreadIsADaemon() throws Exception {
    Set<Thread> before = new HashSet<>(queueThreads());
    AtomicReference<PostHogSink> created = new AtomicReference<>();
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread creator = new Thread(() -> {
      try {
        created.set(PostHogSink.create(posthog.apiKey(), URI.create(posthog.url()), () -> true,
            new OutboxSink(dir.resolve("outbox.jsonl"))));
      } catch (Throwable t) {
        failed.set(t);
      }
    }, "non-daemon-creator");
    creator.setDaemon(false);
    creator.start();
    creator.join(10_000);
    assertFalse(creator.isAlive(), "create() did not return");
    assertEquals(null, failed.get());
    PostHogSink sink = created.get();
    assertNotNull(sink);

    Set<Thread> mine = new HashSet<>(queueThreads());
    mine.removeAll(before);
    assertEquals(1, mine.size(), "one new queue thread: " + mine);
    Thread queueThread = mine.iterator().next();
    assertTrue(queueThread.isDaemon(), "a non-daemon queue thread would keep the host from exiting");

    sink.close(5_000);
    Poll.until(() -> !queueThread.isAlive(), Duration.ofSeconds(5), () -> "queue thread still alive after close");
  }

  @Test
  void sendsWhatItIsGiven() {
    PostHogSink sink = PostHogSink.create(posthog.apiKey(), URI.create(posthog.url()), () -> true,
        new OutboxSink(dir.resolve("outbox.jsonl")));
    try {
      sink.send(Events.event("chat", 7));
      List<io.tracked.testkit.CapturedEvent> events = posthog.awaitEventCount(1, Duration.ofSeconds(10));
      assertEquals("chat", events.get(0).event());
      assertEquals("5b0d8a4e-0c1b-4d8e-9a55-2f1f0c6a7e11", events.get(0).distinctId());
      assertEquals("gpt-4o", events.get(0).property("model"));
      assertEquals("/batch/", posthog.requests().get(0).path());
    } finally {
      sink.close(5_000);
    }
  }
}
