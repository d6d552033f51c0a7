package io.tracked.agent.sanitize;

import static io.tracked.agent.sanitize.Verdicts.assertDropped;
import static io.tracked.agent.sanitize.Verdicts.assertKeptUnchanged;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A parameter whose name announces content is dropped even when its value looks harmless. */
class SanitizerContentNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"prompt", "Prompt", "systemPrompt", "apiKey", "api_key", "API-KEY", "filepath", "filePath",
      "file_path", "path", "fileName", "content", "fileContents", "text", "selectedText", "code", "message",
      "password", "token", "accessToken", "secret", "clientSecret", "email", "userEmail", "username", "query",
      "completion", "prefix", "suffix", "diff", "snippet", "authorization", "cookie", "commitMessage",
      "privateKey", "secretKey", "accessKey"})
  void contentNamesDropAnIdentifierLikeValue(String name) {
    assertDropped(name, "gpt-4o", "content-parameter");
  }

  @Test
  void ordinaryNamesKeepTheSameValue() {
    assertKeptUnchanged("model", "gpt-4o");
    assertKeptUnchanged("fileExtension", "ts");
    assertKeptUnchanged("provider", "openai");
  }

  @Test
  void missingNameIsJudgedOnTheValueAlone() {
    assertKeptUnchanged(null, "gpt-4o");
    assertDropped(null, "/home/alice/x", "path");
  }
}
