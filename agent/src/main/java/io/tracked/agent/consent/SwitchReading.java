package io.tracked.agent.consent;

/**
 * What one consent switch said at one moment: whether it allows telemetry, whether it is known at
 * all yet, its value as the user wrote it, where it was read, and (for a switch that could not be
 * read) what to fix.
 */
public record SwitchReading(String name, boolean allows, boolean known, String value, String source, String problem) {

  public static SwitchReading allow(String name, String value, String source) {
    return new SwitchReading(name, true, true, value, source, null);
  }

  public static SwitchReading deny(String name, String value, String source) {
    return new SwitchReading(name, false, true, value, source, null);
  }

  /** A switch that cannot be read denies: when in doubt, nothing is sent. */
  public static SwitchReading unreadable(String name, String source, String problem) {
    return new SwitchReading(name, false, true, "unreadable", source, problem);
  }

  /** A switch that has not said anything yet: nothing is sent until it does, but nothing is discarded. */
  public static SwitchReading unknown(String name, String source) {
    return new SwitchReading(name, false, false, "not yet known", source, null);
  }

  public String describe() {
    return name + "=" + value + " (" + source + ")" + (allows ? "" : known ? " -> off" : " -> waiting");
  }
}
