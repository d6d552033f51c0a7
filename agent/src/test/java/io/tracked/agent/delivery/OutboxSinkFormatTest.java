package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracked.testkit.CapturedEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox: one JSON line per event, in PostHog's event shape, in a file whose directories it creates. */
class OutboxSinkFormatTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void writesOneJsonLinePerEventInPostHogShape() throws Exception {
    Path file = dir.resolve("a").resolve("b").resolve("outbox.jsonl");
    OutboxSink sink = new OutboxSink(file);

    sink.send(Events.event("chat", 1));
    sink.send(Events.event("autocomplete", 2));
    sink.close(1000);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(2, lines.size(), lines.toString());
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals("chat", first.get("event").asText());
    assertEquals("5b0d8a4e-0c1b-4d8e-9a55-2f1f0c6a7e11", first.get("distinct_id").asText());
    assertEquals("gpt-4o", first.get("properties").get("model").asText());
    assertEquals(1, first.get("properties").get("n").asInt());
    assertTrue(first.get("properties").get("accepted").asBoolean());
    assertEquals(Instant.ofEpochMilli(1_700_000_000_001L), Instant.parse(first.get("timestamp").asText()));
    UUID.fromString(first.get("uuid").asText());
    JsonNode second = JSON.readTree(lines.get(1));
    assertEquals("autocomplete", second.get("event").asText());
    assertNotEquals(first.get("uuid").asText(), second.get("uuid").asText());

    CapturedEvent parsed = CapturedEvent.parse(lines.get(0));
    assertEquals("chat", parsed.event(), "readable by the testkit as a PostHog event");
    assertEquals(false, parsed.property("$process_person_profile"));
  }

  @Test
  void appendsToAnExistingOutboxAcrossInstances() throws Exception {
    Path file = dir.resolve("outbox.jsonl");
    OutboxSink first = new OutboxSink(file);
    first.send(Events.event("chat", 1));
    first.close(1000);
    OutboxSink second = new OutboxSink(file);
    second.send(Events.event("chat", 2));
    second.close(1000);

    assertEquals(2, Files.readAllLines(file).size());
  }
}
