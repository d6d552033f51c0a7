package io.tracked.agent.sanitize;

import static io.tracked.agent.sanitize.Verdicts.assertDropped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Prose, code, e-mail addresses and URLs are the user's data, never analytics: dropped. */
class SanitizerDropsPersonalTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"alice@example.com", "Bob.Smith+dev@corp.example.co.uk",
      "contact:alice@example.com;x", "<carol@example.org>", "user=dave@mail.example.net"})
  void emailsAlsoEmbedded(String text) {
    assertDropped("kind", text, "email");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://example.com", "http://localhost:8080/x", "https://github.com/alice/private-repo",
      "ssh://git@host/repo.git", "vscode://file/home/alice", "jdbc:postgresql://db:5432/app", "go to https://x.io"})
  void urls(String url) {
    assertDropped("kind", url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"line one\nline two", "x\n", "\r", "Dear team,\nplease find the numbers attached."})
  void multiLineText(String text) {
    assertDropped("kind", text, "multi-line");
  }

  @ParameterizedTest
  @ValueSource(strings = {"def f():\r\n  return 1", "const total = items.reduce((s, i) => s + i, 0);",
      "SELECT id FROM users WHERE created_at > now()", "System.out.println(balance);", "x => x * 2",
      "git commit -m \"fix late fee\"", "#include <stdio.h>\nint main(void) { return 0; }"})
  void sourceCode(String code) {
    assertDropped("kind", code);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "java.lang.IllegalStateException: invoice not found\n\tat com.acme.Invoice.fee(Invoice.java:41)",
      "Traceback (most recent call last):\n  File \"/home/alice/x.py\", line 3, in <module>\nKeyError: 'id'",
      "TypeError: Cannot read properties of undefined (reading 'map')\n    at render (/app/src/List.jsx:14:22)",
      "at com.acme.billing.Invoice.lateFeeCents(Invoice.java:41)", "java.lang.ArithmeticException: / by zero"})
  void stackTraces(String trace) {
    assertDropped("kind", trace, "stack-trace");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Alice Smith", "Dr. Jane Doe", "Smith, John", "José García", "alice.smith", "jane_doe",
      "JohnDoe", "Alice", "@alice"})
  void peopleNames(String name) {
    assertDropped("kind", name, "person-name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Why is lateFeeCents double-charging our Berlin customers?", "なぜ動かないのですか",
      "Please don't share this with anyone.", "lorem ipsum dolor sit amet"})
  void promptsAndProse(String text) {
    assertDropped("kind", text, "free-text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello world", "fix the bug in the parser", "gpt 4o", "a\tb", "trailing ", "\u0007bell"})
  void freeTextWithSpacesOrControls(String text) {
    assertDropped("kind", text, "free-text");
  }

  @Test
  void overLongStrings() {
    assertDropped("kind", "a".repeat(Sanitizer.MAX_STRING_LENGTH + 1), "too-long");
    assertDropped("kind", "x".repeat(100_000), "too-long");
  }
}
