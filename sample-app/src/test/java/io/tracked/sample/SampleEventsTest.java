package io.tracked.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.api.TelemetrySwitch;
import io.tracked.api.Tracked;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link SampleEvents} is the whole truth: every annotated method in the sample's classes, and no other. */
class SampleEventsTest {

  /** Every class compiled from the sample's main sources, found on disk rather than listed by hand. */
  private static List<Class<?>> sampleClasses() throws Exception {
    Path root = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertTrue(Files.isDirectory(root), "expected the sample's classes in a directory, found " + root);
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace(File.separatorChar, '.');
        name = name.substring(0, name.length() - ".class".length());
        if (!name.endsWith("package-info")) {
          classes.add(Class.forName(name, false, SampleEventsTest.class.getClassLoader()));
        }
      }
    }
    return classes;
  }

  private static String describe(Method method) {
    return method.getDeclaringClass().getName() + "#" + method.getName();
  }

  @Test
  void listsEveryTrackedMethodWithItsEvent() throws Exception {
    Set<String> annotated = new TreeSet<>();
    for (Class<?> type : sampleClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        Tracked tracked = method.getAnnotation(Tracked.class);
        if (tracked != null) {
          annotated.add(tracked.value() + " <- " + describe(method));
        }
      }
    }
    Set<String> listed = SampleEvents.EVENTS.stream()
        .map(event -> event.name() + " <- " + event.method())
        .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(listed, annotated, "update SampleEvents when a @Tracked method changes");
  }

  @Test
  void listsTheTelemetrySwitch() throws Exception {
    Set<String> switches = new TreeSet<>();
    for (Class<?> type : sampleClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(TelemetrySwitch.class)) {
          switches.add(describe(method));
        }
      }
    }
    assertEquals(Set.of(SampleEvents.TELEMETRY_SWITCH.toString()), switches);
  }

  @Test
  void eachEventHasOneMethod() {
    long distinct = SampleEvents.EVENTS.stream().map(SampleEvents.Event::name).distinct().count();
    assertEquals(SampleEvents.EVENTS.size(), distinct, SampleEvents.EVENTS::toString);
  }
}
