package io.tracked.agent.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import io.tracked.api.Tracked;
import io.tracked.api.TrackedProperty;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.StubMethod;
import org.junit.jupiter.api.Test;

/** Parameter names are used only when the class file carries them; otherwise only explicit names count. */
class BindingFactoryTest {

  @Test
  void parametersWithoutNamesAreSkippedUnlessNamedExplicitly() throws Exception {
    // A class compiled without -parameters: Byte Buddy writes no MethodParameters attribute.
    Class<?> type = new ByteBuddy()
        .subclass(Object.class)
        .name("io.tracked.agent.weaving.NoParameterNames")
        .defineMethod("chosen", void.class, Visibility.PUBLIC)
        .withParameter(String.class)
        .withParameter(String.class).annotateParameter(AnnotationDescription.Builder.ofType(TrackedProperty.class)
            .define("value", "modelName").build())
        .intercept(StubMethod.INSTANCE)
        .annotateMethod(AnnotationDescription.Builder.ofType(Tracked.class).build())
        .make()
        .load(getClass().getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
        .getLoaded();
    TypeDescription description = TypeDescription.ForLoadedType.of(type);
    MethodDescription method = description.getDeclaredMethods().filter(m -> m.getName().equals("chosen")).getOnly();

    EventBinding binding = new BindingFactory(MethodsOption.none()).bindingFor(description, method);

    assertEquals("chosen", binding.eventName());
    assertEquals(List.of("", "modelName"), binding.argumentProperties());
    assertEquals(List.of("modelName"), binding.propertyNames());
  }

  @Test
  void untrackedMethodHasNoBinding() {
    TypeDescription description = TypeDescription.ForLoadedType.of(String.class);
    MethodDescription method = description.getDeclaredMethods().filter(m -> m.getName().equals("length")).getOnly();
    assertNull(new BindingFactory(MethodsOption.none()).bindingFor(description, method));
  }
}
