package io.tracked.agent.sanitize;

/**
 * The sanitizer's decision on one value: what may be sent ({@code null} unless kept or redacted),
 * and why, as a class of data — never the data itself — so it can be logged and shown safely.
 *
 * <p>{@code KEEP}: the value is sent exactly as captured (a string byte for byte). {@code REDACT}: a
 * container is sent without the parts that were dropped; the reason lists their classes.
 * {@code DROP}: nothing is sent.
 */
public record Verdict(Action action, Object value, String reason) {

  public enum Action { KEEP, REDACT, DROP }

  public static Verdict keep(Object value, String reason) {
    return new Verdict(Action.KEEP, value, reason);
  }

  public static Verdict redact(Object value, String reason) {
    return new Verdict(Action.REDACT, value, reason);
  }

  public static Verdict drop(String reason) {
    return new Verdict(Action.DROP, null, reason);
  }

  public boolean sendable() {
    return action != Action.DROP;
  }
}
