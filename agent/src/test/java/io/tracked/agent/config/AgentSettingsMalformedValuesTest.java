package io.tracked.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed values are reported (one line, with the fix) and replaced by a safe choice. */
class AgentSettingsMalformedValuesTest {

  @TempDir Path home;

  private AgentSettings settings(String arguments) {
    return AgentSettings.of(AgentOptions.resolve(arguments, new Properties(), Map.of()), Map.of(), home.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "eu.i.posthog.com", "ftp://eu.i.posthog.com", "http://"})
  void malformedHostIsReportedAndTheKeyDisabled(String host) {
    AgentSettings settings = settings("posthog.apiKey=phc_real,posthog.host=" + host);

    assertNull(settings.apiKey(), "the key must not be sent to an unusable host");
    assertNull(settings.host());
    assertEquals(1, settings.problems().size(), settings.problems().toString());
    String problem = settings.problems().get(0);
    assertTrue(problem.contains("posthog.host") && problem.contains(host), problem);
    assertTrue(problem.contains("Fix:"), problem);
    assertFalse(problem.contains("\n"), problem);
    assertFalse(problem.contains("phc_real"), "problems must never echo the key: " + problem);
  }

  @Test
  void debugMaybeIsReportedAndFalse() {
    AgentSettings settings = settings("debug=maybe");

    assertFalse(settings.debug());
    assertEquals(1, settings.problems().size(), settings.problems().toString());
    String problem = settings.problems().get(0);
    assertTrue(problem.contains("debug='maybe'") && problem.contains("true or false"), problem);
  }

  @Test
  void debugAcceptsAnyCase() {
    assertTrue(settings("debug=TRUE").debug());
    assertTrue(settings("debug=TRUE").problems().isEmpty());
  }

  @Test
  void optionProblemsAreCarriedIntoSettingsProblems() {
    AgentSettings settings = settings("nope=1,debug=maybe");
    assertEquals(2, settings.problems().size(), settings.problems().toString());
  }
}
