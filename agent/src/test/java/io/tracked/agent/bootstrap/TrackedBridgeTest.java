package io.tracked.agent.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge's one-word mode: off and full each cost a call one read, a full hand-off counts the call,
 * and consent and the full mark never overwrite each other; one call of the host is one event.
 */
class TrackedBridgeTest {

  private final boolean capturingBefore = TrackedBridge.capturing();
  private final List<Integer> reported = new ArrayList<>();
  private final TrackedBridge.Sink sink = new TrackedBridge.Sink() {
    @Override
    public void onCall(int methodId, Object[] arguments, Object returned, Throwable thrown) {
      reported.add(methodId);
    }

    @Override
    public void onSwitch(int switchId, Object value) {}
  };

  @BeforeEach
  void installed() {
    TrackedBridge.install(sink);
    TrackedBridge.setCapturing(true);
  }

  @AfterEach
  void restore() {
    TrackedBridge.install(null);
    TrackedBridge.setCapturing(capturingBefore);
  }

  @Test
  void consentOffRefusesEveryCallWithoutCountingADrop() {
    TrackedBridge.setCapturing(false);
    long dropped = TrackedBridge.droppedWhileFull();
    assertNull(TrackedBridge.begin(1));
    assertFalse(TrackedBridge.hasRoom());
    assertEquals(dropped, TrackedBridge.droppedWhileFull());
  }

  @Test
  void aCallIsReportedOnceAsItEndsAndANestedCallOfTheSameEventIsNot() {
    Object outer = TrackedBridge.begin(1);
    assertNotNull(outer);
    assertNull(TrackedBridge.begin(1), "same event nested on the same thread");
    Object other = TrackedBridge.begin(2);
    assertSame(outer, other, "one record per thread, handed back at the end");
    TrackedBridge.end(other, 20, true, new Object[0], null, null);
    TrackedBridge.end(outer, 10, true, new Object[0], null, null);

    assertEquals(List.of(20, 10), reported);
    assertBeginsAndEnds(1, "unwound: the next call of the event counts again");
  }

  @Test
  void aCallEndedWithoutReportIsUnwoundAndNotReported() {
    Object running = TrackedBridge.begin(1);
    TrackedBridge.end(running, 10, false, null, null, null);
    assertTrue(reported.isEmpty());
    assertBeginsAndEnds(1, "unwound");
  }

  @Test
  void aFullHandoffDropsCallsAsTheyBeginAndCountsThem() {
    long dropped = TrackedBridge.droppedWhileFull();
    TrackedBridge.handoffFull(sink);
    assertTrue(TrackedBridge.handoffMarkedFull());
    assertNull(TrackedBridge.begin(1));
    assertFalse(TrackedBridge.hasRoom(), "a call begun before the mark builds nothing either");
    assertEquals(dropped + 2, TrackedBridge.droppedWhileFull());

    TrackedBridge.handoffDrained(sink);
    assertTrue(TrackedBridge.hasRoom());
    assertBeginsAndEnds(1, "drained");
  }

  @Test
  void dropsOfManyThreadsAtOnceAreCountedExactly() throws InterruptedException {
    TrackedBridge.handoffFull(sink);
    long before = TrackedBridge.droppedWhileFull();
    int threads = 100; // more than the counter's stripes: some threads share, none loses a count
    int calls = 20_000;
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < calls; i++) {
          TrackedBridge.begin(i & 3);
        }
      });
      workers[t].start();
    }
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    assertEquals(before + (long) threads * calls, TrackedBridge.droppedWhileFull());
  }

  @Test
  void liftingTheFullMarkNeverReopensCaptureThatConsentClosed() {
    TrackedBridge.handoffFull(sink);
    TrackedBridge.setCapturing(false);
    TrackedBridge.handoffDrained(sink);
    assertFalse(TrackedBridge.capturing());
    assertNull(TrackedBridge.begin(1));

    TrackedBridge.handoffFull(sink);
    TrackedBridge.setCapturing(true);
    assertTrue(TrackedBridge.capturing());
    assertNull(TrackedBridge.begin(1), "consent back on does not lift a full mark");
  }

  @Test
  void onlyTheInstalledSinkMarksTheHandoff() {
    TrackedBridge.Sink stranger = new TrackedBridge.Sink() {
      @Override
      public void onCall(int methodId, Object[] arguments, Object returned, Throwable thrown) {}

      @Override
      public void onSwitch(int switchId, Object value) {}
    };
    TrackedBridge.handoffFull(stranger);
    assertFalse(TrackedBridge.handoffMarkedFull());
    TrackedBridge.handoffFull(sink);
    TrackedBridge.install(sink);
    assertFalse(TrackedBridge.handoffMarkedFull(), "a sink starts with room");
  }

  @Test
  void callsNestedDeeperThanTheRecordHoldsAreNotReported() {
    List<Object> running = new ArrayList<>();
    for (int key = 0; key < TrackedBridge.MAX_DEPTH; key++) {
      running.add(TrackedBridge.begin(key));
    }
    assertTrue(running.stream().allMatch(r -> r != null));
    assertNull(TrackedBridge.begin(TrackedBridge.MAX_DEPTH));
    for (int i = running.size() - 1; i >= 0; i--) {
      TrackedBridge.end(running.get(i), i, false, null, null, null);
    }
    assertBeginsAndEnds(TrackedBridge.MAX_DEPTH, "unwound");
  }

  @Test
  void theEntryPointsOfEarlierWovenClassesShareTheRecord() {
    assertTrue(TrackedBridge.enter(5));
    assertNull(TrackedBridge.begin(5));
    TrackedBridge.leave(50, true, new Object[0], null, null);
    assertEquals(List.of(50), reported);
    assertBeginsAndEnds(5, "unwound");
  }

  /** Every call begun here is ended, or the thread's record would refuse later tests' calls. */
  private static void assertBeginsAndEnds(int eventKey, String why) {
    Object running = TrackedBridge.begin(eventKey);
    assertNotNull(running, why);
    TrackedBridge.end(running, -1, false, null, null, null);
  }
}
