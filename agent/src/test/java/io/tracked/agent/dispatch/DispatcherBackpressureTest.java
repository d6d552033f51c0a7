package io.tracked.agent.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
import io.tracked.agent.consent.SwitchReading;
import io.tracked.agent.event.Bindings;
import io.tracked.agent.weaving.MethodBindings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A full hand-off queue never blocks the host: extra calls are dropped and counted; discarding empties it. */
class DispatcherBackpressureTest {

  // The gate opens or closes the process-wide capture flag; leave it as other tests found it.
  private final boolean capturingBefore = TrackedBridge.capturing();

  @AfterEach
  void restoreCaptureFlag() {
    TrackedBridge.setCapturing(capturingBefore);
  }

  private final ConsentGate gate = new ConsentGate(List.of(() -> SwitchReading.allow("s", "on", "test")));
  private final MethodBindings bindings = new MethodBindings();
  private final int methodId = bindings.register(Bindings.binding("chat", List.of("n"), null, false));
  private final Dispatcher dispatcher = new Dispatcher(bindings, gate, new HostSwitch());

  @Test
  void fillingPastCapacityDropsAndCountsWithoutBlocking() {
    gate.refresh();
    int extra = 250;

    // Nothing drains the queue: a blocking offer would hang here.
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (int i = 0; i < Dispatcher.CAPACITY + extra; i++) {
        dispatcher.onCall(methodId, new Object[] {i}, null, null);
      }
    });

    assertEquals(Dispatcher.CAPACITY, dispatcher.pending());
    assertEquals(extra, dispatcher.dropped());
    assertEquals(0, dispatcher.poll().arguments()[0], "the oldest calls are the ones kept");
  }

  @Test
  void aFullQueueMarksTheBridgeSoThatCallsAreDroppedAsTheyBeginUntilHalfIsDrained() {
    gate.refresh();
    TrackedBridge.install(dispatcher);
    try {
      for (int i = 0; i < Dispatcher.CAPACITY; i++) {
        dispatcher.onCall(methodId, new Object[] {i}, null, null);
      }
      assertFalse(TrackedBridge.handoffMarkedFull(), "not full until a call finds no room");
      dispatcher.onCall(methodId, new Object[] {"one too many"}, null, null);
      assertTrue(TrackedBridge.handoffMarkedFull());
      assertEquals(1, dispatcher.dropped());

      assertNull(TrackedBridge.begin(7), "the advice learns the queue is full before building the call");
      assertFalse(TrackedBridge.hasRoom());
      assertEquals(3, dispatcher.dropped(), "each refused call is counted");

      for (int taken = 1; taken < Dispatcher.CAPACITY - Dispatcher.REOPEN_AT; taken++) {
        dispatcher.poll();
      }
      assertTrue(TrackedBridge.handoffMarkedFull(), "one slot free is not enough: a flood would race for it");
      dispatcher.poll();
      assertFalse(TrackedBridge.handoffMarkedFull(), "half drained: calls are taken again");
      Object running = TrackedBridge.begin(7);
      assertNotNull(running);
      TrackedBridge.end(running, methodId, true, new Object[] {"after"}, null, null);
      assertEquals(Dispatcher.REOPEN_AT + 1, dispatcher.pending());
      assertEquals(3, dispatcher.dropped());
    } finally {
      TrackedBridge.install(null);
    }
  }

  @Test
  void aDispatcherThatIsNotInstalledNeverMarksTheBridge() {
    gate.refresh();
    for (int i = 0; i < Dispatcher.CAPACITY + 1; i++) {
      dispatcher.onCall(methodId, new Object[] {i}, null, null);
    }
    assertFalse(TrackedBridge.handoffMarkedFull());
  }

  @Test
  void discardPendingEmptiesTheQueueAndSaysHowMany() {
    gate.refresh();
    for (int i = 0; i < 10; i++) {
      dispatcher.onCall(methodId, new Object[] {i}, null, null);
    }

    assertEquals(10, dispatcher.discardPending());
    assertEquals(0, dispatcher.pending());
    assertEquals(null, dispatcher.poll());
    assertEquals(0, dispatcher.discardPending());
  }

  @Test
  void afterDiscardingTheQueueAcceptsCallsAgain() {
    gate.refresh();
    for (int i = 0; i < Dispatcher.CAPACITY + 1; i++) {
      dispatcher.onCall(methodId, new Object[] {i}, null, null);
    }
    dispatcher.discardPending();
    dispatcher.onCall(methodId, new Object[] {"again"}, null, null);

    assertEquals(1, dispatcher.pending());
    assertEquals(1, dispatcher.dropped());
  }
}
