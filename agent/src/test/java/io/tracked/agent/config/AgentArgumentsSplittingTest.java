package io.tracked.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** -javaagent:jar=k=v,k=v: commas split pairs except inside [...], which belong to the methods value. */
class AgentArgumentsSplittingTest {

  @Test
  void commasInsideBracketsStayInTheMethodsValue() {
    AgentOptions options = AgentOptions.resolve(
        "methods=com.example.Editor[accept,reject];com.example.Chat[send=chat],debug=true", new Properties(), Map.of());

    assertEquals("com.example.Editor[accept,reject];com.example.Chat[send=chat]", options.get(Option.METHODS));
    assertEquals("true", options.get(Option.DEBUG));
    assertTrue(options.problems().isEmpty(), options.problems().toString());
  }

  @Test
  void methodsCanComeAfterOtherOptions() {
    List<String> problems = new ArrayList<>();
    Map<String, String> pairs = AgentArguments.parse(
        "debug=true,methods=a.B[x,y,z=w],outbox=/tmp/o.jsonl", problems);

    assertEquals(Map.of("debug", "true", "methods", "a.B[x,y,z=w]", "outbox", "/tmp/o.jsonl"), pairs);
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void valuesMayContainEqualsSignsAndSpacesAreTrimmed() {
    List<String> problems = new ArrayList<>();
    Map<String, String> pairs = AgentArguments.parse(" posthog.host = http://127.0.0.1:8000/?a=b , debug=true ,",
        problems);

    assertEquals("http://127.0.0.1:8000/?a=b", pairs.get("posthog.host"));
    assertEquals("true", pairs.get("debug"));
    assertEquals(2, pairs.size());
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void emptyPiecesAreSkippedAndMissingKeysReported() {
    List<String> problems = new ArrayList<>();
    Map<String, String> pairs = AgentArguments.parse(",,=value,debug=true", problems);

    assertEquals(Map.of("debug", "true"), pairs);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("'=value'"), problems.get(0));
  }

  @Test
  void nullOrBlankArgumentsGiveNothing() {
    List<String> problems = new ArrayList<>();
    assertTrue(AgentArguments.parse(null, problems).isEmpty());
    assertTrue(AgentArguments.parse("   ", problems).isEmpty());
    assertTrue(problems.isEmpty());
  }
}
