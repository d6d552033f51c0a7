package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A switch that has not spoken keeps consent unknown (hold, send nothing); a known "off" wins over it. */
class ConsentGateUnknownTest {

  @AfterEach
  void restoreBridge() {
    TrackedBridge.setCapturing(false);
  }

  @Test
  void undecidedHostKeepsConsentUnknownUntilItReports() {
    HostSwitch host = new HostSwitch();
    host.declare("Settings#enabled");
    List<Boolean> heard = new ArrayList<>();
    ConsentGate gate = new ConsentGate(List.of(() -> SwitchReading.allow("file", "true", "test"), host));
    gate.addListener(heard::add);

    assertEquals(ConsentGate.State.UNKNOWN, gate.refresh());
    assertFalse(gate.allowsSending());
    assertTrue(gate.allowsCapture());
    assertTrue(heard.isEmpty(), "listeners hear decisions, not waiting");

    host.report(true, "Settings#enabled");
    assertEquals(ConsentGate.State.ON, gate.refresh());
    assertEquals(List.of(true), heard);
  }

  @Test
  void knownOffWinsOverUnknown() {
    HostSwitch host = new HostSwitch();
    host.declare("Settings#enabled");
    ConsentGate gate = new ConsentGate(List.of(() -> SwitchReading.deny("file", "false", "test"), host));
    assertEquals(ConsentGate.State.OFF, gate.refresh());
    assertFalse(TrackedBridge.capturing());
  }
}
