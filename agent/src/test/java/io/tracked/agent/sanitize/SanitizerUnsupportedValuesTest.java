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
  void hostileObjectIsJudgedByItsFieldsWithoutCallingIt() {
    Hostile hostile = new Hostile();
    Verdict verdict = Verdicts.judge("editor", hostile);
    assertEquals(0, hostile.calls.get(), "the sanitizer called a method of a host object");
    assertEquals(java.util.Map.of("calls", 0), verdict.value(), "its one field, read by reflection");
  }

  @Test
  void charSequenceIsDroppedWithoutReadingIt() {
    HostileText text = new HostileText();
    assertDropped("kind", text, "unsupported-type");
    assertEquals(0, text.calls.get());
  }

  @Test
  void jdkTypesAreDroppedByWhatTheyAreOrJudgedByTheirValue() {
    assertDropped("where", Paths.get("/home/alice"), "path");
    assertDropped("where", new java.io.File("/home/alice"), "path");
    assertDropped("link", java.net.URI.create("https://example.com"), "url");
    assertDropped("failure", new IllegalStateException("/home/alice"), "stack-trace");
    assertDropped("blob", new byte[] {1, 2}, "binary");
    assertDropped("kind", new Object(), "unsupported-type");
    assertDropped("kind", Thread.currentThread(), "unsupported-type");
    assertEquals("a", Verdicts.assertKept("kind", new char[] {'a'}).value(), "a char[] is the text it spells");
    assertDropped("kind", new char[] {'/', 'h', 'o', 'm', 'e', '/', 'a', 'l', 'i', 'c', 'e', '/', 'x'}, "path");
    assertEquals("x", Verdicts.assertKept("kind", Optional.of("x")).value());
    assertEquals(3, Verdicts.assertKept("count", new AtomicInteger(3)).value());
    assertEquals(List.of("gpt-4o"), Verdicts.assertKept("models", List.of("gpt-4o")).value());
    assertEquals(Map.of("a", 1), Verdicts.assertKept("options", Map.of("a", 1)).value());
  }

  @Test
  void stringBufferIsNotReadBecauseItsLockCanBeHeldByTheHost() {
    assertDropped("kind", new StringBuffer("gpt-4o"), "unsupported-type");
    assertEquals("gpt-4o", Verdicts.assertKept("kind", new StringBuilder("gpt-4o")).value());
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
