package io.tracked.agent.event;

/**
 * An {@link Event} in its one written form: PostHog's event JSON on one line, with the uuid beside it
 * so delivery and the spool can name the event without reading the JSON again.
 */
public record SerializedEvent(String uuid, String json) {

  public static SerializedEvent of(Event event) {
    return new SerializedEvent(event.uuid(), EventJson.event(event));
  }
}
