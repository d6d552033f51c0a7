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
  @ValueSource(strings = {"line one\nline two", "def f():\r\n  return 1", "x\n", "\r"})
  void multiLineText(String text) {
    assertDropped("kind", text, "multi-line");
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
