package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Before the switches are first read, calls may be captured but nothing may be sent. */
class ConsentGateInitialStateTest {

  // The gate opens or closes the process-wide capture flag; leave it as other tests found it.
  private final boolean capturingBefore = TrackedBridge.capturing();

  @AfterEach
  void restoreCaptureFlag() {
    TrackedBridge.setCapturing(capturingBefore);
  }

  @Test
  void unknownUntilFirstRefresh() {
    AtomicInteger reads = new AtomicInteger();
    ConsentGate gate = new ConsentGate(List.of(() -> {
      reads.incrementAndGet();
      return SwitchReading.allow("s", "yes", "test");
    }));

    assertEquals(ConsentGate.State.UNKNOWN, gate.state());
    assertTrue(gate.allowsCapture());
    assertFalse(gate.allowsSending());
    assertTrue(gate.readings().isEmpty());
    assertEquals(0, reads.get(), "constructing the gate must not read the switches");

    gate.refresh();
    assertEquals(ConsentGate.State.ON, gate.state());
    assertTrue(gate.allowsSending());
    assertEquals(1, reads.get());
  }
}
