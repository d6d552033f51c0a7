package io.tracked.agent.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.weaving.BindingFactory;
import io.tracked.agent.weaving.EventBinding;
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

    assertEquals("java.lang.IllegalStateException", event.properties().get(BindingFactory.EXCEPTION_PROPERTY));
    assertEquals("gpt-4o", event.properties().get("model"));
    assertFalse(event.properties().containsKey("reply"), "no return value when the call threw");
  }

  @Test
  void noExceptionPropertyWhenTheCallReturned() {
    EventBinding binding = Bindings.binding("chat", List.of(), "reply", true);

    Event event = factory.build(new CapturedCall(binding, new Object[0], "ok", null, 1L));

    assertFalse(event.properties().containsKey(BindingFactory.EXCEPTION_PROPERTY));
    assertEquals("ok", event.properties().get("reply"));
  }
}
