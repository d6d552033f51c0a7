package io.tracked.testkit;

import java.util.Map;
import java.util.Objects;

/**
 * One event the fake endpoint accepted, as the product sent it.
 *
 * <p>Tests assert on what left the process, so the event keeps both a convenient view (name, id,
 * properties) and the exact JSON it arrived as ({@code rawJson}), which is what "this string never
 * left the process" checks should look at.
 *
 * @param event        the event name, never empty
 * @param distinctId   {@code distinct_id}, or {@code properties.distinct_id} when the top level lacks it
 * @param properties   the event's properties (unmodifiable; values are JSON-shaped: String, Number,
 *                     Boolean, null, List, Map); empty when the event had none
 * @param timestamp    the {@code timestamp} as sent, or null
 * @param uuid         the {@code uuid} as sent, or null
 * @param rawJson      the event object exactly as received (re-serialized compactly)
 * @param receivedNanos {@link System#nanoTime()} when the request carrying it arrived
 */
public record CapturedEvent(
    String event,
    String distinctId,
    Map<String, Object> properties,
    String timestamp,
    String uuid,
    String rawJson,
    long receivedNanos) {

  public CapturedEvent {
    Objects.requireNonNull(event, "event");
    properties = properties == null ? Map.of() : properties;
  }

  /**
   * Reads one event from JSON in PostHog's event shape, e.g. a line of the agent's outbox file, so the
   * same assertions (and {@link PrivacyRules}) apply to events that were written instead of sent.
   *
   * @throws IllegalArgumentException if the text is not a JSON object with an event name
   */
  public static CapturedEvent parse(String json) {
    return EventJson.parseStandalone(json, System.nanoTime());
  }

  /** The property's value, or null when absent (or present as JSON null). */
  public Object property(String name) {
    return properties.get(name);
  }

  /** Whether the property key is present at all (even with a null value). */
  public boolean hasProperty(String name) {
    return properties.containsKey(name);
  }

  @Override
  public String toString() {
    return rawJson;
  }
}
