package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.sanitize.Sanitizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each argument becomes the property its binding names; skipped positions and the return value as declared. */
class EventFactoryPropertiesTest {

  private static final Map<String, Object> COMMON = Map.of("os", "linux", "$process_person_profile", false);

  private final EventFactory factory = new EventFactory(new Sanitizer(), COMMON, () -> "id-1");

  @Test
  void argumentsBecomePropertiesNamedByTheBinding() {
    EventBinding binding = Bindings.binding("autocomplete",
        List.of("accepted", "modelName", "modelProvider", "time"), null, false);

    Event event = factory.build(Bindings.call(binding, true, "gpt-4o-mini", "openai", 120L));

    assertEquals("autocomplete", event.name());
    assertEquals("id-1", event.distinctId());
    assertEquals(1_700_000_000_000L, event.epochMillis());
    assertEquals(true, event.properties().get("accepted"));
    assertEquals("gpt-4o-mini", event.properties().get("modelName"));
    assertEquals("openai", event.properties().get("modelProvider"));
    assertEquals(120L, event.properties().get("time"));
  }

  @Test
  void notTrackedPositionsAreSkipped() {
    EventBinding binding = Bindings.binding("chat", List.of("model", "", "provider"), null, false);

    Event event = factory.build(Bindings.call(binding, "gpt-4o", "harmless-looking", "openai"));

    assertEquals("gpt-4o", event.properties().get("model"));
    assertEquals("openai", event.properties().get("provider"));
    assertFalse(event.properties().containsKey(""), "a skipped position has no property");
    assertFalse(event.properties().containsValue("harmless-looking"), "a @NotTracked argument is never read");
  }

  @Test
  void returnValueBecomesItsProperty() {
    EventBinding binding = Bindings.binding("tokens_generated", List.of("model"), "generatedTokens", false);

    Event event = factory.build(new CapturedCall(binding, new Object[] {"gpt-4o"}, 42, null, 1L));

    assertEquals(42, event.properties().get("generatedTokens"));
    assertEquals("gpt-4o", event.properties().get("model"));
  }

  @Test
  void nullReturnIsKeptAsNullWhenDeclared() {
    EventBinding binding = Bindings.binding("chat", List.of(), "result", false);

    Event event = factory.build(new CapturedCall(binding, new Object[0], null, null, 1L));

    assertTrue(event.properties().containsKey("result"));
    assertEquals(null, event.properties().get("result"));
  }

  @Test
  void fewerArgumentsThanNamesOrNoArgumentsAtAllIsTolerated() {
    EventBinding binding = Bindings.binding("chat", List.of("model", "provider"), null, false);

    Event shortCall = factory.build(Bindings.call(binding, "gpt-4o"));
    assertEquals("gpt-4o", shortCall.properties().get("model"));
    assertFalse(shortCall.properties().containsKey("provider"));

    Event noArguments = factory.build(new CapturedCall(binding, null, null, null, 1L));
    assertFalse(noArguments.properties().containsKey("model"));
  }
}
