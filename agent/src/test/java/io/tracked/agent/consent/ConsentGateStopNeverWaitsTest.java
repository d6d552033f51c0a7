package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The shutdown path stops the gate while a read may be stuck in the file system (a hostile file, a
 * hung network mount): stopping must not wait for that read, or the host could never exit.
 */
class ConsentGateStopNeverWaitsTest {

  @Test
  void stopPollingReturnsWhileARefreshIsStuck() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    ConsentSwitch stuck = () -> {
      reading.countDown();
      try {
        never.await();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      return SwitchReading.allow("stuck", "true", "test");
    };
    ConsentGate gate = new ConsentGate(List.of(stuck));
    gate.startPolling();
    Thread refresher = new Thread(gate::refresh, "stuck-refresh");
    refresher.setDaemon(true);
    refresher.start();
    assertTrue(reading.await(20, java.util.concurrent.TimeUnit.SECONDS), "the refresh started");

    // A hang guard, not a speed limit: before the fix, this waited forever for the gate's lock.
    assertTimeoutPreemptively(Duration.ofSeconds(20), gate::stopPolling);
    never.countDown();
  }
}
