package io.tracked.agent.consent;

/**
 * What one consent switch said at one moment: whether it allows telemetry, its value as the user
 * wrote it, where it was read, and (for a switch that could not be read) what to fix.
 */
public record SwitchReading(String name, boolean allows, String value, String source, String problem) {

  public static SwitchReading allow(String name, String value, String source) {
    return new SwitchReading(name, true, value, source, null);
  }

  public static SwitchReading deny(String name, String value, String source) {
    return new SwitchReading(name, false, value, source, null);
  }

  /** A switch that cannot be read denies: when in doubt, nothing is sent. */
  public static SwitchReading unreadable(String name, String source, String problem) {
    return new SwitchReading(name, false, "unreadable", source, problem);
  }

  public String describe() {
    return name + "=" + value + " (" + source + ")" + (allows ? "" : " -> off");
  }
}
