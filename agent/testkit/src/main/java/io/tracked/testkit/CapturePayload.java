package io.tracked.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a decoded capture body the way PostHog's capture service does and decides 200, 400 or 401.
 *
 * <p>Like PostHog, every capture route takes any of the three shapes: a batch object
 * {@code {api_key, batch:[...]}}, a single event object, or a bare array of events. The API key may be
 * {@code api_key}, {@code token} or {@code $token}, at the top or on the events; more than one distinct
 * key in one request is refused, as PostHog does. Validation stops at the first problem, and then no
 * event of the request counts as accepted.
 */
final class CapturePayload {

  private CapturePayload() {
  }

  static List<CapturedEvent> accept(byte[] json, String expectedKey, StrictChecks strict, long receivedNanos)
      throws Rejection {
    JsonNode root;
    try {
      root = EventJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new Rejection(400, "body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Rejection(400, "body is not valid JSON: " + e);
    }
    if (root == null || root.isMissingNode()) {
      throw new Rejection(400, "body is empty");
    }

    List<JsonNode> eventNodes = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    if (root.isArray()) {
      root.forEach(eventNodes::add);
    } else if (root.isObject()) {
      collectKeys(root, keys);
      JsonNode batch = root.get("batch");
      if (batch != null) {
        if (!batch.isArray()) {
          throw new Rejection(400, "\"batch\" is not an array");
        }
        batch.forEach(eventNodes::add);
      } else {
        eventNodes.add(root);
      }
    } else {
      throw new Rejection(400, "body is neither a JSON object nor an array");
    }
    for (JsonNode node : eventNodes) {
      if (node.isObject()) {
        collectKeys(node, keys);
        JsonNode props = node.get("properties");
        if (props != null && props.isObject()) {
          addKey(props.get("token"), keys);
        }
      }
    }

    if (keys.isEmpty()) {
      throw new Rejection(401, "api_key is missing");
    }
    if (keys.size() > 1) {
      throw new Rejection(401, "several api keys in one request: " + keys.size());
    }
    String key = keys.iterator().next();
    if (!key.equals(expectedKey)) {
      throw new Rejection(401, "api_key does not match the project's key");
    }
    if (eventNodes.isEmpty()) {
      throw new Rejection(400, "batch is empty");
    }

    List<CapturedEvent> events = new ArrayList<>(eventNodes.size());
    for (JsonNode node : eventNodes) {
      CapturedEvent event = EventJson.toEvent(node, receivedNanos);
      if (strict != null) {
        strict.checkEvent(node, event);
      }
      events.add(event);
    }
    return events;
  }

  private static void collectKeys(JsonNode object, Set<String> keys) {
    addKey(object.get("api_key"), keys);
    addKey(object.get("token"), keys);
    addKey(object.get("$token"), keys);
  }

  private static void addKey(JsonNode key, Set<String> keys) {
    if (key != null && key.isTextual() && !key.asText().isEmpty()) {
      keys.add(key.asText());
    }
  }
}
