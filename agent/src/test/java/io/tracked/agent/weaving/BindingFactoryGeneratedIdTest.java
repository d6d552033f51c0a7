package io.tracked.agent.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import io.tracked.api.Tracked;
import io.tracked.api.TrackedProperty;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

/** {@code @TrackedProperty(generatedId = true)} reaches the binding, per property, and nothing else is marked. */
class BindingFactoryGeneratedIdTest {

  static class Host {
    @Tracked("completion")
    public void completed(@TrackedProperty(value = "completionId", generatedId = true) String id,
        @TrackedProperty("requestId") String request, @TrackedProperty("model") String model) {}
  }

  @Test
  void declaredGeneratedIdsAreCarriedByName() {
    TypeDescription type = TypeDescription.ForLoadedType.of(Host.class);
    MethodDescription method = type.getDeclaredMethods().filter(m -> m.getName().equals("completed")).getOnly();

    EventBinding binding = new BindingFactory(MethodsOption.none()).bindingFor(type, method);

    assertEquals(Set.of("completionId"), binding.generatedIds());
    assertTrue(binding.generatedId("completionId"));
    assertFalse(binding.generatedId("requestId"));
    assertFalse(binding.generatedId("model"));
  }
}
