package io.tracked.agent.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each event is one whole JSON text of its own, though the generator behind it is reused: nothing of
 * one event leaks into the next, even when writing one fails half-way.
 */
class EventJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Event event(int n, Map<String, Object> properties) {
    return new Event("00000000-0000-4000-8000-" + String.format("%012d", n), "chat", "id-" + n, properties,
        1_700_000_000_000L + n);
  }

  private static void whole(Event event, String json) throws Exception {
    JsonNode node = JSON.readTree(json);
    assertEquals(json.length(), JSON.writeValueAsString(node).length(), "one text, nothing around it: " + json);
    assertEquals(event.name(), node.get("event").asText());
    assertEquals(event.distinctId(), node.get("distinct_id").asText());
    assertEquals(event.uuid(), node.get("uuid").asText());
    assertEquals(java.time.Instant.ofEpochMilli(event.epochMillis()).toString(), node.get("timestamp").asText());
    assertEquals(JSON.valueToTree(event.properties()), node.get("properties"));
  }

  @Test
  void consecutiveEventsAreEachWhole() throws Exception {
    for (int n = 0; n < 1_000; n++) {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("n", n);
      properties.put("model", "gpt-4o-" + "x".repeat(n % 50));
      properties.put("tags", List.of("a", n));
      properties.put("nested", Map.of("k", n % 2 == 0));
      if (n % 100 == 0) {
        properties.put("big", "y".repeat(40_000)); // grows the buffer past what is kept
      }
      Event event = event(n, properties);
      whole(event, EventJson.event(event));
    }
  }

  @Test
  void aFailureHalfWayLeavesNothingForTheNextEvent() throws Exception {
    Map<String, Object> breaks = new AbstractMap<>() {
      @Override
      public Set<Entry<String, Object>> entrySet() {
        throw new IllegalStateException("changed while written");
      }
    };
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("before", "kept");
    properties.put("broken", breaks);

    assertThrows(IllegalStateException.class, () -> EventJson.event(event(1, properties)));

    Event next = event(2, Map.of("model", "gpt-4o"));
    whole(next, EventJson.event(next));
  }
}
