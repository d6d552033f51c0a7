package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.sanitize.Sanitizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Common properties are on every event and no argument can overwrite them, nor set $ip or distinct_id. */
class EventFactoryReservedPropertiesTest {

  private static Map<String, Object> common() {
    Map<String, Object> common = new LinkedHashMap<>();
    common.put("os", "linux");
    common.put("osVersion", "6.1");
    common.put("ideName", "Sample");
    common.put("ideVersion", "1.0");
    common.put("extensionVersion", "0.1.0");
    common.put("$process_person_profile", false);
    common.put("$geoip_disable", true);
    return common;
  }

  private final EventFactory factory = new EventFactory(new Sanitizer(), common(), () -> "the-id");

  @Test
  void commonPropertiesArePresent() {
    Event event = factory.build(Bindings.call(Bindings.binding("chat", List.of(), null, false)));
    for (Map.Entry<String, Object> entry : common().entrySet()) {
      assertEquals(entry.getValue(), event.properties().get(entry.getKey()), entry.getKey());
    }
  }

  @Test
  void argumentsNamedLikeReservedPropertiesCannotOverrideThem() {
    EventBinding binding = Bindings.binding("chat",
        List.of("os", "$ip", "distinct_id", "$process_person_profile", "$geoip_disable", "model"), null, false);

    Event event = factory.build(Bindings.call(binding, "evil-os", "10.0.0.1", "someone-else", true, false, "gpt-4o"));

    assertEquals("linux", event.properties().get("os"));
    assertFalse(event.properties().containsKey("$ip"), "an argument must never set $ip");
    assertFalse(event.properties().containsKey("distinct_id"));
    assertEquals(false, event.properties().get("$process_person_profile"));
    assertEquals(true, event.properties().get("$geoip_disable"));
    assertEquals("the-id", event.distinctId());
    assertEquals("gpt-4o", event.properties().get("model"));
    assertFalse(event.properties().containsValue("evil-os"));
  }

  @Test
  void argumentsCannotSetPersonProperties() {
    // $set / $set_once would write person properties in PostHog: never from a captured argument.
    EventBinding binding = Bindings.binding("chat", List.of("$set", "$set_once", "model"), null, false);

    Event event = factory.build(Bindings.call(binding, "plan-pro", "signup-2024", "gpt-4o"));

    assertFalse(event.properties().containsKey("$set"), event.properties().toString());
    assertFalse(event.properties().containsKey("$set_once"), event.properties().toString());
    assertEquals("gpt-4o", event.properties().get("model"));
  }

  @Test
  void returnValueNamedLikeACommonPropertyCannotOverrideIt() {
    EventBinding binding = Bindings.binding("chat", List.of(), "ideName", false);

    Event event = factory.build(new CapturedCall(binding, new Object[0], "spoofed", null, 1L));

    assertEquals("Sample", event.properties().get("ideName"));
    assertTrue(event.properties().size() == common().size(), event.properties().toString());
  }
}
