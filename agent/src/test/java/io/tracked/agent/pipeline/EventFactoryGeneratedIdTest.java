package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventBinding;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A UUID argument is sent only under a property the host declared a generated id. */
class EventFactoryGeneratedIdTest {

  private static final String ID = "550e8400-e29b-41d4-a716-446655440000";

  private final EventFactory factory = new EventFactory(new Sanitizer(), Map.of(), () -> "id");

  @Test
  void declaredIdIsSentUndeclaredIsNot() {
    EventBinding binding = new EventBinding("com.example.Editor", "method", "()V", "completion",
        List.of("completionId", "requestId"), null, false, List.of(), false, Set.of("completionId"));

    Event event = factory.build(Bindings.call(binding, ID, ID));

    assertEquals(Map.of("completionId", ID), event.properties());
  }
}
