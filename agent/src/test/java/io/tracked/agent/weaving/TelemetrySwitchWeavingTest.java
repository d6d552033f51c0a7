package io.tracked.agent.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.MethodsOption;
import io.tracked.hosts.SwitchHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A host's {@code @TelemetrySwitch} method hands its value over each time the host calls it, whether
 * it reports or applies the setting, and even while capture is off (it is how consent comes back).
 */
class TelemetrySwitchWeavingTest {

  @Test
  void reportsEveryValueThatFlowsThroughTheHostsSwitch() {
    try (WovenCalls woven = new WovenCalls(MethodsOption.none())) {
      SwitchHost host = new SwitchHost();
      host.setTelemetryEnabled(false);
      TrackedBridge.setCapturing(false);
      assertFalse(host.telemetryEnabled());
      host.setTelemetryEnabled(true);
      assertEquals("level 3", host.wrongShape(3));

      String type = SwitchHost.class.getName();
      assertEquals(List.of(
          new WovenCalls.SwitchReport(type + "#setTelemetryEnabled", false),
          new WovenCalls.SwitchReport(type + "#telemetryEnabled", false),
          new WovenCalls.SwitchReport(type + "#setTelemetryEnabled", true)), woven.switchReports);
      assertEquals(List.of(type + "#telemetryEnabled", type + "#setTelemetryEnabled"),
          woven.declaredSwitches.stream().sorted((a, b) -> a.endsWith("#telemetryEnabled") ? -1 : 1).distinct()
              .toList());
      assertEquals(0, woven.listener.failed());
    }
  }
}
