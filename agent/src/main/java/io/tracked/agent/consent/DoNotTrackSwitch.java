package io.tracked.agent.consent;

import java.util.Map;

/** The cross-tool {@code DO_NOT_TRACK} convention: {@code 1} or {@code true} turns telemetry off. */
public final class DoNotTrackSwitch implements ConsentSwitch {

  private final Map<String, String> environment;

  public DoNotTrackSwitch(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public SwitchReading read() {
    String value = environment.get("DO_NOT_TRACK");
    if (value == null || value.isBlank()) {
      return SwitchReading.allow("DO_NOT_TRACK", "unset", "environment");
    }
    String trimmed = value.trim();
    boolean off = trimmed.equals("1") || trimmed.equalsIgnoreCase("true");
    return off
        ? SwitchReading.deny("DO_NOT_TRACK", trimmed, "environment")
        : SwitchReading.allow("DO_NOT_TRACK", trimmed, "environment");
  }
}
