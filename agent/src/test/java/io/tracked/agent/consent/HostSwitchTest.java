package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The host's own setting: not asked when undeclared, unknown until first reported, then live. */
class HostSwitchTest {

  @Test
  void undeclaredSwitchAllows() {
    SwitchReading reading = new HostSwitch().read();
    assertTrue(reading.allows());
    assertTrue(reading.known());
  }

  @Test
  void declaredButNotYetCalledIsUnknown() {
    HostSwitch host = new HostSwitch();
    host.declare("com.example.Settings#telemetryEnabled");
    SwitchReading reading = host.read();
    assertFalse(reading.known());
    assertFalse(reading.allows());
  }

  @Test
  void reportsAreAppliedAndOnlyChangesWakeTheGate() {
    HostSwitch host = new HostSwitch();
    AtomicInteger wakeUps = new AtomicInteger();
    host.onChange(wakeUps::incrementAndGet);
    host.declare("com.example.Settings#telemetryEnabled");

    host.report(true, "com.example.Settings#telemetryEnabled");
    host.report(true, "com.example.Settings#telemetryEnabled");
    assertTrue(host.read().allows());
    host.report(false, "com.example.Settings#telemetryEnabled");
    assertFalse(host.read().allows());
    assertTrue(host.read().known());
    assertEquals(2, wakeUps.get());
  }
}
