package io.tracked.agent.sanitize;

import static io.tracked.agent.sanitize.Verdicts.assertKeptUnchanged;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Short identifier-like strings (models, providers, commands, routes, extensions, versions, ids) are kept as written. */
class SanitizerKeepsIdentifiersTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "gpt-4o-mini", "gpt-4o", "gpt-4o-2024-08-06", "o1-preview",
      "claude-3-5-sonnet-20241022", "claude-3-5-sonnet-latest", "claude-3-5-sonnet@20240620",
      "openai/gpt-4o", "anthropic/claude-3.5-sonnet",
      "llama3.1:8b", "deepseek-coder:6.7b", "qwen2.5-coder:1.5b-base",
      "gemini-1.5-pro-002", "codestral-latest", "mistral-large-latest",
      "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
      "accounts/fireworks/models/llama-v3p1-405b-instruct",
      "meta-llama/Meta-Llama-3.1-8B-Instruct", "mistralai/Mixtral-8x7B-Instruct-v0.1",
      "Qwen/Qwen2.5-Coder-32B-Instruct"})
  void modelNamesAsVendorsSpellThem(String model) {
    assertKeptUnchanged("model", model);
    assertKeptUnchanged("modelName", model);
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "ollama", "azure", "bedrock", "vertexai", "lmstudio", "free-trial"})
  void providers(String provider) {
    assertKeptUnchanged("provider", provider);
  }

  @ParameterizedTest
  @ValueSource(strings = {"edit", "share", "cmd", "/edit", "/share", "/commit", "/onboard"})
  void slashCommandNames(String command) {
    assertKeptUnchanged("name", command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"editor.action.inlineSuggest.commit", "continue.acceptDiff", "continue.focusContinueInput",
      "workbench.action.files.save"})
  void commandIds(String command) {
    assertKeptUnchanged("command", command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/history", "/settings", "/stats", "/config/models", "/history/"})
  void routes(String route) {
    assertKeptUnchanged("$current_url", route);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ts", "py", ".ts", ".tsx", "java", "d.ts", ""})
  void fileExtensions(String extension) {
    assertKeptUnchanged("fileExtension", extension);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.3", "0.9.250", "v1.2.3", "1.0.0-beta.2", "17.0.15+6", "2024.3.1"})
  void versions(String version) {
    assertKeptUnchanged("extensionVersion", version);
  }

  @ParameterizedTest
  @ValueSource(strings = {"550e8400-e29b-41d4-a716-446655440000", "123E4567-E89B-12D3-A456-426614174000"})
  void uuidsTheHostDeclaresItGenerated(String uuid) {
    Verdict verdict = new Sanitizer().sanitize("sessionId", uuid, true);
    org.junit.jupiter.api.Assertions.assertEquals(Verdict.Action.KEEP, verdict.action(), verdict::toString);
    org.junit.jupiter.api.Assertions.assertEquals(uuid, verdict.value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"java.lang.IllegalStateException", "com.example.Editor$Inner", "CHAT_MODE",
      "tab_autocomplete"})
  void otherIdentifiers(String identifier) {
    assertKeptUnchanged("kind", identifier);
  }

  @org.junit.jupiter.api.Test
  void stringOfTheMaximumLengthIsKept() {
    assertKeptUnchanged("kind", "a".repeat(Sanitizer.MAX_STRING_LENGTH));
  }
}
