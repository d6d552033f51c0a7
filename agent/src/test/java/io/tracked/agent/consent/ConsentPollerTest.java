package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consent thread re-reads on request without waiting for its poll, polls on its own, and ends
 * when stopped. Deadlines here are hang guards, never speed limits.
 */
class ConsentPollerTest {

  private static final long DEADLINE_NANOS = 20_000_000_000L;
  private final AtomicInteger reads = new AtomicInteger();
  private final ConsentGate gate = new ConsentGate(List.of(() -> {
    reads.incrementAndGet();
    return SwitchReading.allow("counting", "true", "test");
  }));

  @AfterEach
  void closeCapture() {
    TrackedBridge.setCapturing(false);
  }

  private boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    return condition.getAsBoolean();
  }

  @Test
  void aRequestIsReadWithoutWaitingForThePoll() throws InterruptedException {
    ConsentPoller poller = new ConsentPoller(gate, 3_600_000, 1); // the poll would come in an hour
    poller.start();
    try {
      poller.requestSoon();
      assertTrue(await(() -> reads.get() >= 1), "the request was never read");
      int before = reads.get();
      poller.requestSoon();
      assertTrue(await(() -> reads.get() > before), "a second request was never read");
    } finally {
      poller.stopPolling();
    }
    poller.join(DEADLINE_NANOS / 1_000_000);
    assertFalse(poller.isAlive(), "the consent thread did not end when stopped");
  }

  @Test
  void pollsOnItsOwn() throws InterruptedException {
    ConsentPoller poller = new ConsentPoller(gate, 1, 1);
    poller.start();
    try {
      assertTrue(await(() -> reads.get() >= 3), "the poll did not repeat");
    } finally {
      poller.stopPolling();
    }
    poller.join(DEADLINE_NANOS / 1_000_000);
    assertFalse(poller.isAlive(), "the consent thread did not end when stopped");
  }
}
