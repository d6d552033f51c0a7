package io.tracked.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A typo in an option is reported on one line that names what would have been right, and never stops the rest. */
class AgentOptionsUnknownKeysTest {

  private static String single(List<String> problems) {
    assertEquals(1, problems.size(), problems.toString());
    String problem = problems.get(0);
    assertFalse(problem.contains("\n") || problem.contains("\r"), "not one line: " + problem);
    return problem;
  }

  @Test
  void unknownAgentArgumentIsReportedWithTheKnownKeys() {
    AgentOptions options = AgentOptions.resolve("debgu=true,outbox=/tmp/x.jsonl", new Properties(), Map.of());

    String problem = single(options.problems());
    assertTrue(problem.contains("debgu"), problem);
    assertTrue(problem.contains("debug") && problem.contains("posthog.apiKey"), problem);
    assertEquals("/tmp/x.jsonl", options.get(Option.OUTBOX), "the known option still applies");
  }

  @Test
  void unknownSystemPropertyIsReportedWithTheKnownKeys() {
    Properties properties = new Properties();
    properties.setProperty("tracked.posthog.apikey2", "phc_x");
    AgentOptions options = AgentOptions.resolve(null, properties, Map.of());

    String problem = single(options.problems());
    assertTrue(problem.contains("-Dtracked.posthog.apikey2"), problem);
    assertTrue(problem.contains("posthog.apiKey"), problem);
  }

  @Test
  void unknownEnvironmentVariableIsReportedWithTheVariableToUseInstead() {
    AgentOptions options = AgentOptions.resolve(null, new Properties(), Map.of("TRACKED_POSTHOG_KEY", "phc_x"));

    String problem = single(options.problems());
    assertTrue(problem.contains("TRACKED_POSTHOG_KEY"), problem);
    assertTrue(problem.contains("TRACKED_POSTHOG_APIKEY"), "should name the variable that works: " + problem);
  }

  @Test
  void camelCaseWordsMaySpellOutInEnvironmentVariables() {
    // The contract's rule makes apiKey APIKEY; API_KEY is what people type, so both work.
    for (String variable : new String[] {"TRACKED_POSTHOG_APIKEY", "TRACKED_POSTHOG_API_KEY"}) {
      AgentOptions options = AgentOptions.resolve(null, new Properties(), Map.of(variable, "phc_x"));
      assertTrue(options.problems().isEmpty(), options.problems().toString());
      assertEquals("phc_x", options.get(Option.POSTHOG_API_KEY));
      assertEquals("environment " + variable, options.sourceOf(Option.POSTHOG_API_KEY));
    }
  }

  @Test
  void agentArgumentWithoutEqualsIsReportedWithAnExample() {
    AgentOptions options = AgentOptions.resolve("debug", new Properties(), Map.of());

    String problem = single(options.problems());
    assertTrue(problem.contains("'debug'") && problem.contains("key=value"), problem);
  }

  @Test
  void keysAreCaseInsensitiveInAgentArguments() {
    AgentOptions options = AgentOptions.resolve("POSTHOG.APIKEY=phc_upper", new Properties(), Map.of());
    assertTrue(options.problems().isEmpty(), options.problems().toString());
    assertEquals("phc_upper", options.get(Option.POSTHOG_API_KEY));
  }
}
