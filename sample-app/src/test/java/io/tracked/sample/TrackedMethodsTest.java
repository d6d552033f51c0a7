package io.tracked.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.api.NotTracked;
import io.tracked.api.Tracked;
import io.tracked.api.TrackedProperty;
import io.tracked.sample.chat.ChatPanel;
import io.tracked.sample.commands.SlashCommands;
import io.tracked.sample.editor.Editor;
import io.tracked.sample.models.GenerationHistory;
import io.tracked.sample.views.Navigator;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The sample's side of the contract: each event Continue documents is emitted by exactly one
 * method, whose arguments become exactly the documented properties, plus the content arguments that
 * are there on purpose for the sanitizer to drop.
 */
class TrackedMethodsTest {

  /** The contract's events and their properties. */
  private static final Map<String, Set<String>> CONTRACT = Map.of(
      "autocomplete", Set.of("accepted", "modelName", "modelProvider", "fileExtension", "time"),
      "tokens_generated", Set.of("model", "provider", "promptTokens", "generatedTokens"),
      "chat", Set.of("model", "provider"),
      "useSlashCommand", Set.of("name"),
      "$pageview", Set.of("$current_url"));

  /**
   * Arguments that carry what must never leave the machine; the sanitizer has to drop them: most by
   * their names, {@code workspace} (a path) and {@code apiBase} (a URL with a token) by their values.
   */
  private static final Set<String> CONTENT = Set.of("prefix", "completion", "filepath", "prompt", "apiKey", "userEmail",
      "input", "workspace", "apiBase");

  private static final Set<Class<?>> SCALARS = Set.of(
      String.class, boolean.class, int.class, long.class, Boolean.class, Integer.class, Long.class);

  private static final List<Class<?>> CLASSES = List.of(
      Editor.class, GenerationHistory.class, ChatPanel.class, SlashCommands.class, Navigator.class);

  private static List<Method> trackedMethods() {
    List<Method> methods = new ArrayList<>();
    for (Class<?> type : CLASSES) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Tracked.class)) {
          methods.add(method);
        }
      }
    }
    return methods;
  }

  private static String property(Parameter parameter) {
    TrackedProperty named = parameter.getAnnotation(TrackedProperty.class);
    return named != null ? named.value() : parameter.getName();
  }

  @Test
  void eachEventHasOneMethodWithTheContractsProperties() {
    Map<String, Set<String>> found = new TreeMap<>();
    for (Method method : trackedMethods()) {
      Set<String> properties = new LinkedHashSet<>();
      for (Parameter parameter : method.getParameters()) {
        assertTrue(parameter.isNamePresent(), "compile with -parameters: " + method);
        if (!parameter.isAnnotationPresent(NotTracked.class) && !CONTENT.contains(property(parameter))) {
          properties.add(property(parameter));
        }
      }
      Set<String> previous = found.put(method.getAnnotation(Tracked.class).value(), properties);
      assertEquals(null, previous, "two methods emit " + method.getAnnotation(Tracked.class).value());
    }
    assertEquals(new TreeMap<>(CONTRACT), found);
  }

  @Test
  void trackedMethodsArePublicAndTakeOnlyScalars() {
    for (Method method : trackedMethods()) {
      assertTrue(
          Modifier.isPublic(method.getModifiers()) && Modifier.isPublic(method.getDeclaringClass().getModifiers()),
          method.toString());
      assertTrue(method.getAnnotation(Tracked.class).returns().isEmpty(), "no return value is captured: " + method);
      for (Parameter parameter : method.getParameters()) {
        assertTrue(SCALARS.contains(parameter.getType()), parameter + " of " + method);
      }
    }
  }

  @Test
  void contentReachesTheSanitizerExceptThroughTheOneEscapeHatch() {
    Set<String> captured = new LinkedHashSet<>();
    List<String> notTracked = new ArrayList<>();
    for (Method method : trackedMethods()) {
      for (Parameter parameter : method.getParameters()) {
        if (parameter.isAnnotationPresent(NotTracked.class)) {
          notTracked.add(method.getName() + "." + parameter.getName());
        } else if (CONTENT.contains(property(parameter))) {
          captured.add(property(parameter));
        }
      }
    }
    assertEquals(CONTENT, captured);
    assertEquals(List.of("generationFinished.output"), notTracked);
  }
}
