package io.tracked.agent.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Captured then common properties, as one map and as JSON: exactly what one map with the common
 * properties put last gave, though the common ones are neither copied nor written per event.
 */
class EventPropertiesTest {

  private static Map<String, Object> common() {
    Map<String, Object> common = new LinkedHashMap<>();
    common.put("os", "Linux");
    common.put("osVersion", "6.8 \"quoted\" \u00e9");
    common.put("$process_person_profile", false);
    common.put("count", 3);
    return common;
  }

  /** The map the factory built before: captured first, then putAll(common). */
  private static Map<String, Object> merged(Map<String, Object> captured, Map<String, Object> common) {
    Map<String, Object> merged = new LinkedHashMap<>(captured);
    merged.putAll(common);
    return merged;
  }

  private static void same(Map<String, Object> captured) {
    Map<String, Object> common = common();
    EventProperties view = new EventProperties(captured, new EventProperties.Common(common));
    Map<String, Object> expected = merged(captured, common);

    assertEquals(expected, view);
    assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(view.entrySet()), "same order");
    Event viewed = new Event("00000000-0000-4000-8000-000000000001", "chat", "id", view, 1_700_000_000_123L);
    Event plain = new Event(viewed.uuid(), viewed.name(), viewed.distinctId(), expected, viewed.epochMillis());
    assertEquals(EventJson.event(plain), EventJson.event(viewed), "byte for byte the same text");
  }

  @Test
  void capturedThenCommonAsOneMapAndOneText() {
    Map<String, Object> captured = new LinkedHashMap<>();
    captured.put("model", "gpt-4o");
    captured.put("n", 7L);
    captured.put("tags", List.of("a", "b"));
    same(captured);
  }

  @Test
  void nothingCaptured() {
    same(new LinkedHashMap<>());
  }

  /** Never happens (common names are reserved, the factory drops them); if it did, the common value is sent. */
  @Test
  void aCapturedNameEqualToACommonOneYieldsToIt() throws Exception {
    Map<String, Object> captured = new LinkedHashMap<>();
    captured.put("a", 1);
    captured.put("os", "spoofed");
    captured.put("z", 2);
    EventProperties view = new EventProperties(captured, new EventProperties.Common(common()));

    assertEquals(merged(captured, common()), view);
    assertEquals("Linux", view.get("os"));
    String json = EventJson.properties(view);
    assertFalse(json.contains("spoofed"), json);
    assertEquals(merged(captured, common()), new com.fasterxml.jackson.databind.ObjectMapper().readValue(json,
        Map.class), "its place is the common one's, its value too");
  }

  @Test
  void noCommonProperties() {
    Map<String, Object> captured = new LinkedHashMap<>(Map.of("k", "v"));
    EventProperties view = new EventProperties(captured, new EventProperties.Common(Map.of()));
    assertEquals(Map.of("k", "v"), view);
    assertEquals("{\"k\":\"v\"}", EventJson.properties(view));
    assertEquals("{}", EventJson.properties(new EventProperties(new LinkedHashMap<>(),
        new EventProperties.Common(Map.of()))));
  }
}
