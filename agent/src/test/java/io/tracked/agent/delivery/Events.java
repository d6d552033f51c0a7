package io.tracked.agent.delivery;

import io.tracked.agent.event.Event;
import io.tracked.agent.event.SerializedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as the pipeline hands them to delivery. */
final class Events {

  private Events() {}

  static Event event(String name, int n) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("model", "gpt-4o");
    properties.put("n", n);
    properties.put("accepted", true);
    properties.put("$process_person_profile", false);
    return new Event(UUID.randomUUID().toString(), name, "5b0d8a4e-0c1b-4d8e-9a55-2f1f0c6a7e11", properties,
        1_700_000_000_000L + n);
  }

  static List<Event> events(int count) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(event("chat", i));
    }
    return events;
  }

  static List<SerializedEvent> serialized(int count) {
    List<SerializedEvent> serialized = new ArrayList<>();
    for (Event event : events(count)) {
      serialized.add(SerializedEvent.of(event));
    }
    return serialized;
  }

  static List<String> uuids(List<?> events) {
    List<String> uuids = new ArrayList<>();
    for (Object event : events) {
      uuids.add(event instanceof Event ? ((Event) event).uuid() : ((SerializedEvent) event).uuid());
    }
    return uuids;
  }
}
