package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.sanitize.Sanitizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever the sanitizer drops is absent from the event: not null, not a placeholder, absent. */
class EventFactorySanitizingTest {

  private final EventFactory factory = new EventFactory(new Sanitizer(), Map.of("os", "linux"), () -> "id");

  @Test
  void droppedValuesAreAbsent() {
    EventBinding binding = Bindings.binding("autocomplete",
        List.of("prompt", "where", "author", "model", "apiKey", "note", "ratio"), null, false);
    Object hostile = new Object() {
      @Override
      public String toString() {
        throw new AssertionError("toString called");
      }
    };

    Event event = factory.build(Bindings.call(binding,
        "def secret(): pass", "/home/alice/app/Main.java", "alice@example.com", "gpt-4o",
        "sk-proj-abcDEF123ghiJKL456mnoPQR789", hostile, Double.NaN));

    assertEquals(Map.of("model", "gpt-4o", "os", "linux"), event.properties());
  }

  @Test
  void nothingDroppedLeavesAnyTraceInTheSerializedProperties() throws Exception {
    EventBinding binding = Bindings.binding("chat", List.of("text", "path", "model"), null, false);

    Event event = factory.build(Bindings.call(binding, "my prompt text", "C:\\Users\\carol\\x.cs", "claude-3-5-sonnet"));
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(event.properties());

    assertFalse(json.contains("prompt text"), json);
    assertFalse(json.contains("carol"), json);
    assertFalse(json.contains("\"text\""), json);
    assertFalse(json.contains("\"path\""), json);
  }
}
