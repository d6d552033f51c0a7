package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.sanitize.Sanitizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Captured values the factory keeps in memory to judge later ones are forgotten when the user opts out. */
class EventFactoryForgetsValuesTest {

  private final Sanitizer sanitizer = new Sanitizer();
  private final EventFactory factory = new EventFactory(sanitizer, Map.of("os", "linux"), () -> "id");

  @Test
  void optingOutEmptiesTheRememberedVerdicts() {
    EventBinding binding = Bindings.binding("autocomplete", List.of("model", "language"), null, false);
    for (int i = 0; i < 10; i++) {
      factory.build(Bindings.call(binding, "gpt-4o-mini", "typescript"));
    }
    assertTrue(sanitizer.rememberedValues() > 0, "repeated short values are remembered while consent is on");

    factory.forgetValues();

    assertEquals(0, sanitizer.rememberedValues());
    assertEquals(Map.of("model", "gpt-4o-mini", "language", "typescript", "os", "linux"),
        factory.build(Bindings.call(binding, "gpt-4o-mini", "typescript")).properties(),
        "and judged again, the same way, afterwards");
  }
}
