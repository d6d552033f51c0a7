package io.tracked.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracked.agent.event.PropertyNames;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** sanitize and catalog report the agent's name rules: what they say is dropped, the agent drops. */
class CommandsShareNameRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sanitizeDropsReservedNames() throws Exception {
    CliRun run = CliRun.run(String.join("\n",
        "{\"name\": \"$ip\", \"value\": \"gpt-4o\"}",
        "{\"name\": \"extensionVersion\", \"value\": \"1.0\"}",
        "{\"name\": \"$current_url\", \"value\": \"/history\"}",
        ""), "sanitize");

    String[] lines = run.outLines();
    assertEquals(3, lines.length, run.toString());
    for (int i = 0; i < 2; i++) {
      JsonNode verdict = JSON.readTree(lines[i]);
      assertEquals("drop", verdict.get("action").asText(), lines[i]);
      assertEquals(PropertyNames.RESERVED_REASON, verdict.get("reason").asText(), lines[i]);
    }
    assertEquals("keep", JSON.readTree(lines[2]).get("action").asText(), lines[2]);
  }

  @Test
  void catalogMarksReservedAndContentNamesAsNeverSent() throws Exception {
    CliRun run = CliRun.run("", "catalog", Paths.get("target/test-classes").toAbsolutePath().toString());

    JsonNode spoofing = null;
    for (String line : run.outLines()) {
      JsonNode node = JSON.readTree(line);
      if (node.get("event").asText().equals("spoofing")) {
        spoofing = node;
      }
    }
    assertTrue(spoofing != null, run.toString());
    assertEquals("[\"$ip\",\"os\",\"$set\",\"prompt\"]", spoofing.get("neverSent").toString());
  }

  @Test
  void catalogMarkdownNamesEveryCommonProperty() {
    CliRun run = CliRun.run("", "catalog", "--format", "markdown",
        Paths.get("target/test-classes").toAbsolutePath().toString());

    for (String name : PropertyNames.COMMON) {
      assertTrue(run.out.contains("`" + name + "`"), name + "\n" + run);
    }
  }
}
