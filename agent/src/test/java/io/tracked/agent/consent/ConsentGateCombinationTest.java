package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Telemetry is on only while every switch allows it. */
class ConsentGateCombinationTest {

  // The gate opens or closes the process-wide capture flag; leave it as other tests found it.
  private final boolean capturingBefore = TrackedBridge.capturing();

  @AfterEach
  void restoreCaptureFlag() {
    TrackedBridge.setCapturing(capturingBefore);
  }

  private static ConsentSwitch allow(String name) {
    return () -> SwitchReading.allow(name, "yes", "test");
  }

  private static ConsentSwitch deny(String name) {
    return () -> SwitchReading.deny(name, "no", "test");
  }

  @Test
  void allAllowingMeansOn() {
    ConsentGate gate = new ConsentGate(List.of(allow("a"), allow("b"), allow("c")));
    assertEquals(ConsentGate.State.ON, gate.refresh());
    assertTrue(gate.allowsSending());
    assertTrue(gate.allowsCapture());
  }

  @Test
  void anyDenyingMeansOff() {
    for (int denying = 0; denying < 3; denying++) {
      ConsentGate gate = new ConsentGate(List.of(
          denying == 0 ? deny("a") : allow("a"),
          denying == 1 ? deny("b") : allow("b"),
          denying == 2 ? deny("c") : allow("c")));
      assertEquals(ConsentGate.State.OFF, gate.refresh(), "switch " + denying + " denies");
      assertFalse(gate.allowsSending());
      assertFalse(gate.allowsCapture());
    }
  }

  @Test
  void readingsListEverySwitchInOrder() {
    ConsentGate gate = new ConsentGate(List.of(allow("first"), deny("second")));
    gate.refresh();

    assertEquals(2, gate.readings().size());
    assertEquals("first", gate.readings().get(0).name());
    assertEquals("second", gate.readings().get(1).name());
    assertTrue(gate.describe().contains("second=no (test) -> off"), gate.describe());
  }

  @Test
  void doNotTrackBeatsAnAllowingConfig() {
    ConsentGate gate = new ConsentGate(List.of(
        new DoNotTrackSwitch(java.util.Map.of("DO_NOT_TRACK", "1")), allow("allowAnonymousTelemetry")));
    assertEquals(ConsentGate.State.OFF, gate.refresh());
  }
}
