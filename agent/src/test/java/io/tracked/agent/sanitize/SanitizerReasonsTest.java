package io.tracked.agent.sanitize;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every verdict, kept or dropped, says why with a reason that names a class of data, never the data. */
class SanitizerReasonsTest {

  @Test
  void everyVerdictHasANonEmptyReasonThatDoesNotEchoTheValue() {
    List<Object> values = Arrays.asList(null, true, 3, 2.5, Double.NaN, Thread.State.NEW, 'c', "", "gpt-4o",
        "/history", "/home/alice/x", "C:\\Users\\x", "~/x", "file:///x", "https://x.io", "alice@example.com",
        "a\nb", "hello world", "x".repeat(500), "sk-proj-abc", "Xk9mQ2vL8pR4tW7zY1bN6cF3", new Object(),
        List.of(), new int[0]);
    Sanitizer sanitizer = new Sanitizer();
    for (String name : Arrays.asList("model", "prompt", null)) {
      for (Object value : values) {
        Verdict verdict = sanitizer.sanitize(name, value);
        String label = name + "=" + Verdicts.describe(value);
        assertNotNull(verdict, label);
        assertNotNull(verdict.reason(), label);
        assertFalse(verdict.reason().isBlank(), label);
        if (value instanceof String && ((String) value).length() > 3) {
          assertFalse(verdict.reason().contains((String) value), "reason echoes the value: " + verdict);
        }
      }
    }
  }
}
