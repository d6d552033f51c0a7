package io.tracked.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The contract's order: agent arguments, then -Dtracked.*, then TRACKED_*; POSTHOG_API_KEY last. */
class AgentOptionsPrecedenceTest {

  private static Properties props(String... keyValues) {
    Properties properties = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      properties.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return properties;
  }

  @Test
  void agentArgumentBeatsSystemPropertyAndEnvironment() {
    AgentOptions options = AgentOptions.resolve("posthog.host=http://from-args:1",
        props("tracked.posthog.host", "http://from-props:2"),
        Map.of("TRACKED_POSTHOG_HOST", "http://from-env:3"));

    assertEquals("http://from-args:1", options.get(Option.POSTHOG_HOST));
    assertEquals("agent argument posthog.host", options.sourceOf(Option.POSTHOG_HOST));
    assertTrue(options.problems().isEmpty(), options.problems().toString());
  }

  @Test
  void systemPropertyBeatsEnvironment() {
    AgentOptions options = AgentOptions.resolve(null,
        props("tracked.posthog.host", "http://from-props:2"),
        Map.of("TRACKED_POSTHOG_HOST", "http://from-env:3"));

    assertEquals("http://from-props:2", options.get(Option.POSTHOG_HOST));
    assertEquals("system property -Dtracked.posthog.host", options.sourceOf(Option.POSTHOG_HOST));
  }

  @Test
  void environmentIsUsedWhenNothingElseIsSet() {
    AgentOptions options = AgentOptions.resolve("", new Properties(),
        Map.of("TRACKED_POSTHOG_HOST", "http://from-env:3", "TRACKED_DEBUG", "true"));

    assertEquals("http://from-env:3", options.get(Option.POSTHOG_HOST));
    assertEquals("environment TRACKED_POSTHOG_HOST", options.sourceOf(Option.POSTHOG_HOST));
    assertEquals("true", options.get(Option.DEBUG));
  }

  @Test
  void eachOptionResolvesIndependently() {
    AgentOptions options = AgentOptions.resolve("debug=true",
        props("tracked.outbox", "/tmp/o.jsonl"),
        Map.of("TRACKED_CONFIG", "/tmp/c.json", "TRACKED_DEBUG", "false"));

    assertEquals("true", options.get(Option.DEBUG));
    assertEquals("/tmp/o.jsonl", options.get(Option.OUTBOX));
    assertEquals("/tmp/c.json", options.get(Option.CONFIG));
    assertNull(options.get(Option.METHODS));
    assertEquals("default", options.sourceOf(Option.METHODS));
  }

  @Test
  void posthogApiKeyIsTheFallbackForTheApiKey() {
    AgentOptions options = AgentOptions.resolve(null, new Properties(), Map.of("POSTHOG_API_KEY", "phc_fallback"));

    assertEquals("phc_fallback", options.get(Option.POSTHOG_API_KEY));
    assertEquals("environment POSTHOG_API_KEY", options.sourceOf(Option.POSTHOG_API_KEY));
  }

  @Test
  void everyTrackedSourceBeatsPosthogApiKey() {
    Map<String, String> env = Map.of("POSTHOG_API_KEY", "phc_fallback", "TRACKED_POSTHOG_APIKEY", "phc_env");
    assertEquals("phc_env", AgentOptions.resolve(null, new Properties(), env).get(Option.POSTHOG_API_KEY));
    assertEquals("phc_prop", AgentOptions.resolve(null, props("tracked.posthog.apiKey", "phc_prop"), env)
        .get(Option.POSTHOG_API_KEY));
    assertEquals("phc_arg", AgentOptions.resolve("posthog.apiKey=phc_arg", props("tracked.posthog.apiKey", "phc_prop"),
        env).get(Option.POSTHOG_API_KEY));
  }

  @Test
  void blankPosthogApiKeyIsIgnored() {
    AgentOptions options = AgentOptions.resolve(null, new Properties(), Map.of("POSTHOG_API_KEY", "   "));
    assertNull(options.get(Option.POSTHOG_API_KEY));
  }

  @Test
  void unrelatedSystemPropertiesAndVariablesAreIgnoredSilently() {
    AgentOptions options = AgentOptions.resolve(null, props("java.version", "17", "trackedX", "1"),
        Map.of("PATH", "/usr/bin", "HOME", "/root"));
    assertTrue(options.problems().isEmpty(), options.problems().toString());
  }
}
