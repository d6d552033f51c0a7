package io.tracked.agent.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;

/** Shared assertions: every verdict explains itself, a kept value is unchanged, a dropped one is gone. */
final class Verdicts {

  private static final Sanitizer SANITIZER = new Sanitizer();

  private Verdicts() {}

  /** Describes a test value without calling any of its methods (some values are built to throw). */
  static String describe(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Character || value instanceof Enum<?>) {
      return value == null ? "null" : value instanceof Enum<?> ? ((Enum<?>) value).name() : value.toString();
    }
    return "a " + value.getClass().getName();
  }

  private static Supplier<String> label(String name, Object value, String expectation, Verdict verdict) {
    return () -> name + "=" + describe(value) + " " + expectation + ", got " + verdict;
  }

  static Verdict judge(String name, Object value) {
    Verdict verdict = SANITIZER.sanitize(name, value);
    assertNotNull(verdict, () -> "no verdict for " + name);
    assertNotNull(verdict.reason(), label(name, value, "needs a reason", verdict));
    assertFalse(verdict.reason().isBlank(), label(name, value, "needs a non-blank reason", verdict));
    return verdict;
  }

  static Verdict assertKept(String name, Object value) {
    Verdict verdict = judge(name, value);
    assertEquals(Verdict.Action.KEEP, verdict.action(), label(name, value, "should be kept", verdict));
    assertTrue(verdict.sendable());
    return verdict;
  }

  static Verdict assertKeptUnchanged(String name, Object value) {
    Verdict verdict = assertKept(name, value);
    assertEquals(value, verdict.value(), "kept value must be sent as it was");
    return verdict;
  }

  static Verdict assertDropped(String name, Object value) {
    Verdict verdict = judge(name, value);
    assertEquals(Verdict.Action.DROP, verdict.action(), label(name, value, "must be dropped", verdict));
    assertFalse(verdict.sendable());
    assertNull(verdict.value(), "a dropped verdict carries no value");
    return verdict;
  }

  static void assertDropped(String name, Object value, String reason) {
    Verdict verdict = assertDropped(name, value);
    assertEquals(reason, verdict.reason(), label(name, value, "reason", verdict));
  }
}
