package io.tracked.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** sanitize: one verdict line per input line, through the agent's own sanitizer; malformed input is a drop and exit 1. */
class SanitizeCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oneVerdictLinePerInputLine() throws Exception {
    CliRun run = CliRun.run(String.join("\n",
        "{\"name\": \"model\", \"value\": \"gpt-4o-mini\"}",
        "{\"name\": \"filepath\", \"value\": \"/home/alice/app/Main.java\"}",
        "{\"name\": \"time\", \"value\": 120}",
        "{\"name\": \"accepted\", \"value\": true}",
        "{\"name\": \"kind\", \"value\": \"alice@example.com\"}",
        ""), "sanitize");

    assertEquals(0, run.status, run.toString());
    String[] lines = run.outLines();
    assertEquals(5, lines.length, run.toString());

    JsonNode model = JSON.readTree(lines[0]);
    assertEquals("model", model.get("name").asText());
    assertEquals("gpt-4o-mini", model.get("value").asText());
    assertEquals("keep", model.get("action").asText());
    assertFalse(model.get("reason").asText().isBlank());

    JsonNode path = JSON.readTree(lines[1]);
    assertEquals("drop", path.get("action").asText());
    assertFalse(path.has("value"), "a dropped value is absent from the output");
    assertFalse(path.get("reason").asText().isBlank());
    assertFalse(lines[1].contains("alice"), lines[1]);

    assertEquals(120, JSON.readTree(lines[2]).get("value").asInt());
    assertTrue(JSON.readTree(lines[3]).get("value").asBoolean());
    assertEquals("drop", JSON.readTree(lines[4]).get("action").asText());
    assertEquals("email", JSON.readTree(lines[4]).get("reason").asText());
  }

  @Test
  void malformedLineIsADropAndExitOne() throws Exception {
    CliRun run = CliRun.run(String.join("\n",
        "{\"name\": \"model\", \"value\": \"gpt-4o\"}",
        "this is not json",
        "{\"name\": \"noValue\"}",
        "{\"name\": \"provider\", \"value\": \"openai\"}"), "sanitize");

    assertEquals(1, run.status, run.toString());
    String[] lines = run.outLines();
    assertEquals(4, lines.length, run.toString());
    assertEquals("keep", JSON.readTree(lines[0]).get("action").asText());
    for (int i = 1; i <= 2; i++) {
      JsonNode verdict = JSON.readTree(lines[i]);
      assertEquals("drop", verdict.get("action").asText(), lines[i]);
      assertEquals("malformed-input", verdict.get("reason").asText(), lines[i]);
    }
    assertEquals("keep", JSON.readTree(lines[3]).get("action").asText(), "later lines are still judged");
    assertTrue(run.err.contains("line 2"), run.err);
    assertTrue(run.err.contains("line 3"), run.err);
  }

  @Test
  void objectsAndArraysAreJudgedPartByPart() throws Exception {
    CliRun run = CliRun.run(String.join("\n",
        "{\"name\": \"request\", \"value\": {\"model\": \"gpt-4o\", \"prompt\": \"fix my code\", \"n\": 1}}",
        "{\"name\": \"models\", \"value\": [\"gpt-4o\", \"/home/alice/model.gguf\"]}",
        "{\"name\": \"where\", \"value\": [\"/home/alice/x\", \"bob@example.com\"]}",
        "{\"name\": \"sizes\", \"value\": [1, 2]}",
        ""), "sanitize");

    assertEquals(0, run.status, run.toString());
    String[] lines = run.outLines();
    JsonNode request = JSON.readTree(lines[0]);
    assertEquals("redact", request.get("action").asText(), lines[0]);
    assertEquals("{\"model\":\"gpt-4o\",\"n\":1}", request.get("value").toString());
    assertEquals("partial: content-parameter", request.get("reason").asText());

    JsonNode models = JSON.readTree(lines[1]);
    assertEquals("[\"gpt-4o\"]", models.get("value").toString());
    assertEquals("partial: path", models.get("reason").asText());
    assertFalse(lines[1].contains("alice"), lines[1]);

    JsonNode where = JSON.readTree(lines[2]);
    assertEquals("drop", where.get("action").asText());
    assertFalse(where.has("value"));

    assertEquals("keep", JSON.readTree(lines[3]).get("action").asText());
    assertEquals("[1,2]", JSON.readTree(lines[3]).get("value").toString());
  }

  @Test
  void everyClassOfDataIsNamedInTheReason() throws Exception {
    CliRun run = CliRun.run(String.join("\n",
        "{\"name\": \"x\", \"value\": \"4111 1111 1111 1111\"}",
        "{\"name\": \"x\", \"value\": \"DE89 3704 0044 0532 0130 00\"}",
        "{\"name\": \"x\", \"value\": \"+1 415 555 0132\"}",
        "{\"name\": \"x\", \"value\": \"192.168.1.42\"}",
        "{\"name\": \"x\", \"value\": \"ledger.acme-billing.internal\"}",
        "{\"name\": \"x\", \"value\": \"Alice Smith\"}",
        "{\"value\": \"claude-3-5-sonnet@20240620\"}",
        ""), "sanitize");
    String[] reasons = {"card-number", "iban", "phone-number", "ip-address", "host-name", "person-name", "uuid"};
    String[] lines = run.outLines();
    for (int i = 0; i < 6; i++) {
      JsonNode verdict = JSON.readTree(lines[i]);
      assertEquals("drop", verdict.get("action").asText(), lines[i]);
      assertEquals(reasons[i], verdict.get("reason").asText(), lines[i]);
    }
    JsonNode model = JSON.readTree(lines[6]);
    assertEquals("claude-3-5-sonnet@20240620", model.get("value").asText(), lines[6]);
    assertTrue(model.get("name").isNull(), lines[6]);
  }

  @Test
  void argumentsAreAUsageError() {
    CliRun run = CliRun.run("", "sanitize", "--extra");
    assertEquals(2, run.status, run.toString());
    assertTrue(run.out.isEmpty());
  }
}
