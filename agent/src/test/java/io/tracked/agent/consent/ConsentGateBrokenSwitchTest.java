package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A switch that throws counts as denying: when in doubt, nothing is sent; the gate itself never throws. */
class ConsentGateBrokenSwitchTest {

  // The gate opens or closes the process-wide capture flag; leave it as other tests found it.
  private final boolean capturingBefore = TrackedBridge.capturing();

  @AfterEach
  void restoreCaptureFlag() {
    TrackedBridge.setCapturing(capturingBefore);
  }

  @Test
  void throwingSwitchDenies() {
    ConsentGate gate = new ConsentGate(List.of(
        () -> SwitchReading.allow("fine", "yes", "test"),
        () -> {
          throw new IllegalStateException("cannot read the IDE setting");
        }));

    assertEquals(ConsentGate.State.OFF, gate.refresh());
    assertFalse(gate.allowsSending());
    SwitchReading broken = gate.readings().get(1);
    assertFalse(broken.allows());
    assertNotNull(broken.problem());
    assertTrue(broken.problem().contains("telemetry stays off"), broken.problem());
  }

  @Test
  void switchThrowingAnErrorDenies() {
    ConsentGate gate = new ConsentGate(List.of(() -> {
      throw new StackOverflowError();
    }));
    assertEquals(ConsentGate.State.OFF, gate.refresh());
  }

  @Test
  void switchThatRecoversTurnsTelemetryBackOn() {
    boolean[] broken = {true};
    ConsentGate gate = new ConsentGate(List.of(() -> {
      if (broken[0]) {
        throw new IllegalStateException("transient");
      }
      return SwitchReading.allow("s", "yes", "test");
    }));
    assertEquals(ConsentGate.State.OFF, gate.refresh());
    broken[0] = false;
    assertEquals(ConsentGate.State.ON, gate.refresh());
  }
}
