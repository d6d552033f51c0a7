package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A key-typed handler's characters stop being sent after a few; a repeated language id keeps flowing. */
class EventFactoryTypedSequenceTest {

  private final EventFactory factory = new EventFactory(new Sanitizer(), Map.of(), () -> "id");

  private Event call(EventBinding binding, long at, Object... arguments) {
    return factory.build(new CapturedCall(binding, arguments, null, null, at));
  }

  @Test
  void typedCharactersStopAfterAFew() {
    EventBinding binding = Bindings.binding("keyTyped", List.of("ch", "languageId"), null, false);
    String typed = "sk-proj-abcDEF123ghiJKL456";
    StringBuilder leaked = new StringBuilder();
    long at = 1_700_000_000_000L;
    for (char c : typed.toCharArray()) {
      Event event = call(binding, at, c, "java");
      at += 120;
      Object sent = event.properties().get("ch");
      if (sent != null) {
        leaked.append(sent);
      }
      assertEquals("java", event.properties().get("languageId"), "the other property is unaffected");
    }
    assertTrue(leaked.length() <= 2, "leaked " + leaked.length() + " characters");
  }

  @Test
  void aShortValueRepeatedWithEveryCallIsKept() {
    EventBinding binding = Bindings.binding("autocomplete", List.of("languageId"), null, false);
    long at = 1_700_000_000_000L;
    for (int i = 0; i < 50; i++) {
      assertEquals("ts", call(binding, at, "ts").properties().get("languageId"));
      at += 50;
    }
  }
}
