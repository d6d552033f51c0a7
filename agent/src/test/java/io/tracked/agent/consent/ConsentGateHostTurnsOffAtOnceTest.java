package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The host's own switch turning telemetry off takes effect on the host's thread at once, before the
 * consent thread re-reads anything: a call the host makes right after it is neither captured nor sent.
 */
class ConsentGateHostTurnsOffAtOnceTest {

  private final boolean capturingBefore = TrackedBridge.capturing();

  @AfterEach
  void restoreCaptureFlag() {
    TrackedBridge.setCapturing(capturingBefore);
  }

  private final HostSwitch host = new HostSwitch();
  private final ConsentGate gate = new ConsentGate(
      List.of(() -> SwitchReading.allow("file", "true", "test"), host));

  @Test
  void offIsKnownBeforeTheNextRefresh() {
    host.declare("Settings#telemetryEnabled");
    host.report(true, "Settings#telemetryEnabled");
    gate.refresh();
    assertTrue(gate.allowsCapture());
    assertTrue(gate.allowsSending());

    host.report(false, "Settings#telemetryEnabled");

    assertEquals(ConsentGate.State.ON, gate.state(), "no refresh has run yet");
    assertFalse(gate.allowsCapture(), "a call right after the host's switch went off must not be captured");
    assertFalse(gate.allowsSending(), "nor anything built or sent");
    assertEquals(ConsentGate.State.OFF, gate.refresh(), "the next refresh agrees");
  }

  @Test
  void backOnWaitsForTheOtherSwitches() {
    host.declare("Settings#telemetryEnabled");
    host.report(false, "Settings#telemetryEnabled");
    gate.refresh();
    assertFalse(gate.allowsCapture());

    host.report(true, "Settings#telemetryEnabled");

    assertFalse(gate.allowsSending(), "on again only once the consent thread has read every switch");
    gate.refresh();
    assertTrue(gate.allowsSending());
  }

  @Test
  void aHostThatNeverReportedIsNotTreatedAsOff() {
    ConsentGate withoutHostSwitch = new ConsentGate(List.of(() -> SwitchReading.allow("file", "true", "test"),
        new HostSwitch()));
    withoutHostSwitch.refresh();
    assertTrue(withoutHostSwitch.allowsSending(), "no @TelemetrySwitch declared: the host is not asked");
  }
}
