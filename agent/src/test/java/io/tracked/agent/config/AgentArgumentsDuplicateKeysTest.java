package io.tracked.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A key given twice in the agent arguments: the first value is used and the repetition reported. */
class AgentArgumentsDuplicateKeysTest {

  @Test
  void firstValueWinsAndTheDuplicateIsReported() {
    AgentOptions options = AgentOptions.resolve("outbox=/tmp/first.jsonl,outbox=/tmp/second.jsonl",
        new Properties(), Map.of());

    assertEquals("/tmp/first.jsonl", options.get(Option.OUTBOX));
    assertEquals(1, options.problems().size(), options.problems().toString());
    assertTrue(options.problems().get(0).contains("outbox") && options.problems().get(0).contains("twice"),
        options.problems().get(0));
  }

  @Test
  void duplicateSpelledInAnotherCaseIsAlsoReported() {
    // Keys are matched ignoring case, so DEBUG and debug are the same option given twice.
    AgentOptions options = AgentOptions.resolve("debug=true,DEBUG=false", new Properties(), Map.of());

    assertEquals("true", options.get(Option.DEBUG));
    assertEquals(1, options.problems().size(), options.problems().toString());
    assertTrue(options.problems().get(0).contains("twice"), options.problems().get(0));
  }
}
