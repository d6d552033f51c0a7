package io.tracked.agent.sanitize;

import static io.tracked.agent.sanitize.Verdicts.assertDropped;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Unknown types fail closed, without running any host code; non-finite numbers are not numbers. */
class SanitizerUnsupportedValuesTest {

  /** Counts every method of Object the sanitizer could be tempted to call. */
  static final class Hostile {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String toString() {
      calls.incrementAndGet();
      throw new IllegalStateException("toString must never be called");
    }

    @Override
    public int hashCode() {
      calls.incrementAndGet();
      throw new IllegalStateException("hashCode must never be called");
    }

    @Override
    public boolean equals(Object other) {
      calls.incrementAndGet();
      throw new IllegalStateException("equals must never be called");
    }
  }

  /** A CharSequence that is not a String: its content is host code too. */
  static final class HostileText implements CharSequence {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public int length() {
      calls.incrementAndGet();
      return 5;
    }

    @Override
    public char charAt(int index) {
      calls.incrementAndGet();
      return 'x';
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      calls.incrementAndGet();
      return "x";
    }

    @Override
    public String toString() {
      calls.incrementAndGet();
      return "/home/alice/secret";
    }
  }

  @Test
  void hostileObjectIsDroppedWithoutCallingIt() {
    Hostile hostile = new Hostile();
    assertDropped("editor", hostile, "unsupported-type");
    assertEquals(0, hostile.calls.get(), "the sanitizer called a method of a host object");
  }

  @Test
  void charSequenceIsDroppedWithoutReadingIt() {
    HostileText text = new HostileText();
    assertDropped("kind", text, "unsupported-type");
    assertEquals(0, text.calls.get());
  }

  @Test
  void containersAndOtherTypesAreDropped() {
    assertDropped("models", List.of("gpt-4o"), "unsupported-type");
    assertDropped("options", Map.of("a", 1), "unsupported-type");
    assertDropped("where", Paths.get("/home/alice"), "unsupported-type");
    assertDropped("kind", new char[] {'a'}, "unsupported-type");
    assertDropped("kind", Optional.of("x"), "unsupported-type");
    assertDropped("count", new AtomicInteger(3), "unsupported-type");
    assertDropped("kind", new Object(), "unsupported-type");
  }

  @Test
  void nonFiniteNumbersAreDropped() {
    assertDropped("time", Double.NaN, "not-finite");
    assertDropped("time", Double.POSITIVE_INFINITY, "not-finite");
    assertDropped("time", Double.NEGATIVE_INFINITY, "not-finite");
    assertDropped("time", Float.NaN, "not-finite");
    assertDropped("time", Float.POSITIVE_INFINITY, "not-finite");
  }

  @Test
  void hostileObjectUnderAContentNameIsAlsoNotCalled() {
    Hostile hostile = new Hostile();
    assertDropped("prompt", hostile);
    assertEquals(0, hostile.calls.get());
  }
}
