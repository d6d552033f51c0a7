package io.tracked.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns one PostHog event object into a {@link CapturedEvent}.
 *
 * <p>Shared by the endpoint and by {@link CapturedEvent#parse(String)}, so an event read from the
 * outbox file and one received over HTTP are judged by exactly the same reading of the format.
 */
final class EventJson {

  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
  };

  private EventJson() {
  }

  static CapturedEvent parseStandalone(String json, long receivedNanos) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    try {
      return toEvent(node, receivedNanos);
    } catch (Rejection e) {
      throw new IllegalArgumentException(e.detail());
    }
  }

  /** Validates the fields every PostHog event needs and converts; 400 on the first problem. */
  static CapturedEvent toEvent(JsonNode node, long receivedNanos) throws Rejection {
    if (node == null || !node.isObject()) {
      throw new Rejection(400, "event is not a JSON object");
    }
    JsonNode name = node.get("event");
    if (name == null || !name.isTextual() || name.asText().isEmpty()) {
      throw new Rejection(400, "event has no non-empty \"event\" name: " + node);
    }
    JsonNode props = node.get("properties");
    if (props != null && !props.isNull() && !props.isObject()) {
      throw new Rejection(400, "\"properties\" is not an object in event " + name.asText());
    }
    String distinctId = idText(node.get("distinct_id"));
    if (distinctId == null && props != null && props.isObject()) {
      distinctId = idText(props.get("distinct_id"));
    }
    if (distinctId == null || distinctId.isEmpty()) {
      throw new Rejection(400, "event " + name.asText() + " has no non-empty distinct_id");
    }
    Map<String, Object> properties = props == null || props.isNull()
        ? Map.of()
        : Collections.unmodifiableMap(MAPPER.convertValue(props, MAP));
    return new CapturedEvent(
        name.asText(),
        distinctId,
        properties,
        textOrNull(node.get("timestamp")),
        textOrNull(node.get("uuid")),
        node.toString(),
        receivedNanos);
  }

  /** PostHog accepts a string or a number as distinct_id. */
  private static String idText(JsonNode id) {
    if (id == null || id.isNull()) {
      return null;
    }
    if (id.isTextual() || id.isNumber()) {
      return id.asText();
    }
    return null;
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
