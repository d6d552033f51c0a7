package io.tracked.agent.weaving.cache;

import io.tracked.agent.event.EventBinding;
import java.util.List;

/**
 * What weaving one class did, in order: its woven bytes ({@code null} when the class was left as it
 * was) and every step the weave registered with the running agent, so that a later start can redo the
 * steps without weaving.
 */
public final class WeaveRecord {

  /** One thing the weave registered. */
  public interface Step {}

  /** A tracked method: its binding, and the method id and event key compiled into its advice. */
  public record Event(EventBinding binding, int methodId, int eventKey) implements Step {}

  /** A host {@code @TelemetrySwitch} method and the id compiled into its advice. */
  public record Switch(String method, int switchId) implements Step {}

  /** A problem reported once per process under {@code key} (a {@code methods} entry that never fires). */
  public record Problem(String key, String message) implements Step {}

  /** A {@code debug=true} line ("woven ..."). */
  public record Debug(String line) implements Step {}

  /** The class is named by the {@code methods} option and has now loaded. */
  public record Configured(String className) implements Step {}

  private final byte[] woven;
  private final List<Step> steps;

  public WeaveRecord(byte[] woven, List<Step> steps) {
    this.woven = woven;
    this.steps = List.copyOf(steps);
  }

  /** The class's woven bytes, or {@code null} when weaving left it unchanged. */
  public byte[] woven() {
    return woven;
  }

  public List<Step> steps() {
    return steps;
  }
}
