package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inheritance rule in a real child JVM: annotations on an interface, an abstract class, a generic
 * interface (through its bridge) and on overloads that delegate. One call of the host, one event.
 * Launched from a class path with no {@code ide.name}: the main class names the host.
 */
class InheritanceIT {

  static Stream<Path> javas() {
    return ChildJvm.javasUnderTest().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void oneCallOfTheHostIsOneEvent(Path java) {
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      ChildJvm.Result result = ChildJvm.builder().java(java)
          .javaAgent(AgentHarness.agentJar(), "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url())
          .mainClass("io.tracked.fixture.InheritanceApp", AgentHarness.fixtureClasspath())
          .run(Duration.ofSeconds(60));
      result.expectExit(0);
      assertEquals("inheritance done", result.stdout().strip());
      List<CapturedEvent> events = posthog.awaitEventCount(11, Duration.ofSeconds(20));

      Map<String, Long> counts = events.stream().collect(Collectors.groupingBy(CapturedEvent::event, TreeMap::new,
          Collectors.counting()));
      assertEquals(new TreeMap<>(Map.of("plugin_ran", 3L, "configured", 1L, "saved", 1L, "handled", 2L,
          "inserted", 2L, "formatted", 2L)), counts, events.toString());
      for (CapturedEvent ran : posthog.events("plugin_ran")) {
        assertEquals("/edit", ran.property("command"));
        assertFalse(ran.hasProperty("document"), "@NotTracked on the interface was ignored: " + ran);
      }
      assertEquals("dark", posthog.events("configured").get(0).property("setting"));
      for (CapturedEvent event : events) {
        assertEquals("io.tracked.fixture.InheritanceApp", event.property("ideName"), "class-path launch fallback");
      }
      assertFalse(posthog.allBodies().contains("private document"));
    }
  }
}
