package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path in a real child JVM: annotated and configured methods become PostHog events with
 * the declared properties, exceptions count only when asked, and the host sees nothing of the agent:
 * not a line on its stdout or stderr.
 */
class FixtureEventsIT {

  static Stream<Path> javas() {
    return ChildJvm.javasUnderTest().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void trackedCallsArriveAsDeclared(Path java) {
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      ChildJvm.Result result = AgentHarness.fixture(java,
          "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url()
              + ",ide.name=Fixture IDE,ide.version=2026.3"
              + ",methods=io.tracked.fixture.FixtureApp[configured=configured_call,unannotated]",
          "basic")
          .run(Duration.ofSeconds(60));

      result.expectExit(0);
      List<CapturedEvent> events = posthog.awaitEventCount(7, Duration.ofSeconds(20));

      assertEquals(2, posthog.events("suggestion_outcome").size(), events::toString);
      CapturedEvent accepted = posthog.events("suggestion_outcome").stream()
          .filter(e -> Boolean.TRUE.equals(e.property("accepted"))).findFirst().orElseThrow();
      assertEquals("gpt-4o-mini", accepted.property("modelName"));
      assertEquals(120, ((Number) accepted.property("time")).intValue());
      assertEquals("ACCEPTED", accepted.property("outcome"));
      assertFalse(accepted.hasProperty("completion"), "@NotTracked argument was sent: " + accepted);

      assertEquals("/edit", single(posthog, "useSlashCommand").property("name"));
      assertEquals(42, ((Number) single(posthog, "tokens_counted").property("tokens")).intValue());
      CapturedEvent failed = single(posthog, "provider_failed");
      assertEquals("java.lang.IllegalStateException", failed.property("exception"));
      assertEquals("openai", failed.property("provider"));
      assertTrue(posthog.events("never_on_throw").isEmpty(), "a throwing call without onException was recorded");
      assertEquals(3, ((Number) single(posthog, "configured_call").property("count")).intValue());
      assertEquals(1, posthog.events("unannotated").size());

      for (CapturedEvent event : events) {
        for (String common : List.of("os", "osVersion", "ideName", "ideVersion", "extensionVersion")) {
          assertTrue(event.hasProperty(common), common + " missing on " + event);
        }
        assertEquals("Fixture IDE", event.property("ideName"));
        assertEquals("2026.3", event.property("ideVersion"));
        assertEquals(Boolean.FALSE, event.property("$process_person_profile"));
        assertEquals(Boolean.TRUE, event.property("$geoip_disable"));
        assertFalse(event.hasProperty("$ip"));
      }
      assertEquals(1, events.stream().map(CapturedEvent::distinctId).distinct().count(), "one anonymous id per run");
      assertTrue(posthog.privacyViolations().isEmpty(), posthog.privacyViolations().toString());
      assertFalse(posthog.allBodies().contains("/home/alice"), "an exception message leaked");
      assertFalse(posthog.allBodies().contains("private code"), "a @NotTracked argument leaked");

      assertEquals(List.of("tokens 42", "failing threw as the host expects",
          "failingSilently threw as the host expects", "fixture done: basic"),
          result.stdout().lines().toList(), "the agent wrote to the host's stdout");
      assertEquals("", result.stderr(), "a normal run writes nothing on stderr (no agent line, no JVM or library"
          + " warnings)");
      assertTrue(posthog.requests().stream().noneMatch(r -> r.path().contains("flags") || r.path().contains("decide")));
    }
  }

  private static CapturedEvent single(FakePostHog posthog, String name) {
    List<CapturedEvent> events = posthog.events(name);
    assertEquals(1, events.size(), name + ": " + events);
    return events.get(0);
  }

  @SuppressWarnings("unused")
  private static Map<String, Object> props(CapturedEvent event) {
    return event.properties();
  }
}
