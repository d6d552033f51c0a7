package io.tracked.agent.consent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host application's own telemetry setting, as it flows through its {@code @TelemetrySwitch}
 * method. The agent never calls that method: the woven advice hands over the value each time the
 * host itself calls it, on the host's thread, and this class only stores it. A host that declares
 * no such method is not asked; one that declares one but has not called it yet keeps consent
 * unknown, so nothing is sent before the host's setting is known.
 */
public final class HostSwitch implements ConsentSwitch {

  public static final String NAME = "host telemetry setting";

  private final Set<String> methods = ConcurrentHashMap.newKeySet();
  private volatile Boolean value;
  private volatile String reportedBy;
  private volatile Runnable onChange;

  /** Called at weave time for each {@code @TelemetrySwitch} method found. */
  public void declare(String method) {
    methods.add(method);
  }

  public boolean declared() {
    return !methods.isEmpty();
  }

  /** Called when the value changes, e.g. to re-read consent at once instead of at the next poll. */
  public void onChange(Runnable action) {
    onChange = action;
  }

  /**
   * Records the value the host's switch method returned or received. Runs on the host's thread: a
   * volatile write and, only when the value changed, a hand-off to the consent thread.
   */
  public void report(boolean enabled, String method) {
    Boolean previous = value;
    reportedBy = method;
    if (previous == null || previous != enabled) {
      value = enabled;
      Runnable action = onChange;
      if (action != null) {
        action.run();
      }
    }
  }

  /** Whether the host's last report turned telemetry off: one volatile read, for the capture path. */
  boolean turnedOff() {
    return Boolean.FALSE.equals(value);
  }

  @Override
  public SwitchReading read() {
    if (methods.isEmpty()) {
      return SwitchReading.allow(NAME, "not declared", "no @TelemetrySwitch method in this application");
    }
    Boolean current = value;
    if (current == null) {
      return SwitchReading.unknown(NAME, String.join(", ", methods) + " (not called yet)");
    }
    return current
        ? SwitchReading.allow(NAME, "true", reportedBy)
        : SwitchReading.deny(NAME, "false", reportedBy);
  }
}
