package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.event.PropertyNames;
import io.tracked.agent.sanitize.Sanitizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A call that threw carries only the exception's class name; never its message, never a return value. */
class EventFactoryExceptionTest {

  private final EventFactory factory = new EventFactory(new Sanitizer(), Map.of(), () -> "id");

  @Test
  void exceptionPropertyIsTheClassNameOnly() {
    EventBinding binding = Bindings.binding("chat", List.of("model"), "reply", true);

    Event event = factory.build(new CapturedCall(binding, new Object[] {"gpt-4o"}, null,
        IllegalStateException.class.getName(), 1L));

    assertEquals("java.lang.IllegalStateException", event.properties().get(PropertyNames.EXCEPTION));
    assertEquals("gpt-4o", event.properties().get("model"));
    assertFalse(event.properties().containsKey("reply"), "no return value when the call threw");
  }

  @Test
  void noExceptionPropertyWhenTheCallReturned() {
    EventBinding binding = Bindings.binding("chat", List.of(), "reply", true);

    Event event = factory.build(new CapturedCall(binding, new Object[0], "ok", null, 1L));

    assertFalse(event.properties().containsKey(PropertyNames.EXCEPTION));
    assertEquals("ok", event.properties().get("reply"));
  }
}
