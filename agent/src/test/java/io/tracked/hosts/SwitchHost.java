package io.tracked.hosts;

import io.tracked.api.TelemetrySwitch;

/** A host with its own telemetry setting, exposed in the three shapes the agent must handle. */
public class SwitchHost {

  private boolean enabled = true;

  @TelemetrySwitch
  public boolean telemetryEnabled() {
    return enabled;
  }

  @TelemetrySwitch
  public void setTelemetryEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @TelemetrySwitch
  public String wrongShape(int level) {
    return "level " + level;
  }
}
