package io.tracked.agent.delivery;

import com.posthog.java.shaded.org.json.JSONObject;
import io.tracked.agent.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events in the two shapes delivery sees: the agent's Event, and posthog-java's JSON. */
final class Events {

  private Events() {}

  static Event event(String name, int n) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("model", "gpt-4o");
    properties.put("n", n);
    properties.put("accepted", true);
    properties.put("$process_person_profile", false);
    return new Event(name, "5b0d8a4e-0c1b-4d8e-9a55-2f1f0c6a7e11", properties, 1_700_000_000_000L + n);
  }

  static List<JSONObject> json(int count) {
    List<JSONObject> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JSONObject event = new JSONObject();
      event.put("event", "chat");
      event.put("distinct_id", "5b0d8a4e-0c1b-4d8e-9a55-2f1f0c6a7e11");
      event.put("uuid", UUID.randomUUID().toString());
      event.put("timestamp", Instant.now().toString());
      JSONObject properties = new JSONObject();
      properties.put("model", "gpt-4o");
      properties.put("n", i);
      event.put("properties", properties);
      events.add(event);
    }
    return events;
  }

  static List<String> uuids(List<JSONObject> events) {
    List<String> uuids = new ArrayList<>();
    for (JSONObject event : events) {
      uuids.add(event.getString("uuid"));
    }
    return uuids;
  }
}
