package io.tracked.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's defaults, computed from the given environment and home only. */
class AgentSettingsDefaultsTest {

  @TempDir Path home;

  private AgentSettings settings(String arguments, Map<String, String> env) {
    return AgentSettings.of(AgentOptions.resolve(arguments, new Properties(), env), env, home.toString());
  }

  @Test
  void withNothingSetEverythingLivesUnderTheHomeContinueDirectory() {
    AgentSettings settings = settings(null, Map.of());

    assertEquals(home.resolve(".continue"), settings.continueDirectory());
    assertEquals(home.resolve(".continue").resolve("config.json"), settings.configFile());
    assertEquals(home.resolve(".continue").resolve("telemetry").resolve("outbox.jsonl"), settings.outboxFile());
    assertEquals(URI.create(AgentSettings.DEFAULT_HOST), settings.host());
    assertNull(settings.apiKey(), "no key: events go to the outbox");
    assertFalse(settings.debug());
    assertTrue(settings.methods().isEmpty());
    assertTrue(settings.problems().isEmpty(), settings.problems().toString());
  }

  @Test
  void continueGlobalDirMovesTheConfigFile(@TempDir Path continueDir) {
    AgentSettings settings = settings(null, Map.of("CONTINUE_GLOBAL_DIR", continueDir.toString()));

    assertEquals(continueDir.resolve("config.json"), settings.configFile());
    assertEquals(continueDir, settings.continueDirectory());
    // the outbox default does not follow CONTINUE_GLOBAL_DIR in the contract
    assertEquals(home.resolve(".continue").resolve("telemetry").resolve("outbox.jsonl"), settings.outboxFile());
  }

  @Test
  void theConfigOptionBeatsContinueGlobalDirAndExpandsTilde(@TempDir Path continueDir) {
    AgentSettings settings = settings("config=~/elsewhere/config.json",
        Map.of("CONTINUE_GLOBAL_DIR", continueDir.toString()));

    assertEquals(home.resolve("elsewhere").resolve("config.json"), settings.configFile());
    assertEquals(home.resolve("elsewhere"), settings.continueDirectory());
  }

  @Test
  void outboxOptionIsUsedAndTildeExpanded() {
    assertEquals(home.resolve("out.jsonl"), settings("outbox=~/out.jsonl", Map.of()).outboxFile());
  }

  @Test
  void apiKeyAndHostAreTakenAsGivenWithoutATrailingSlash() {
    AgentSettings settings = settings("posthog.apiKey=phc_abc,posthog.host=http://127.0.0.1:8000/", Map.of());

    assertEquals("phc_abc", settings.apiKey());
    assertEquals(URI.create("http://127.0.0.1:8000"), settings.host());
    assertTrue(settings.problems().isEmpty(), settings.problems().toString());
  }

  @Test
  void methodsOptionIsParsed() {
    AgentSettings settings = settings("methods=com.example.Chat[send=chat]", Map.of());
    assertEquals("chat", settings.methods().eventFor("com.example.Chat", "send"));
  }
}
