package io.tracked.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.sample.content.SampleContent;
import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample editor, packaged, in a child JVM with the packaged agent, against a PostHog-compatible
 * endpoint on loopback: what a newcomer runs, checked the way PostHog would see it.
 */
class SampleAppIT {

  static final String API_KEY = "phc_sample_it_key";
  static final Set<String> COMMON = Set.of("os", "osVersion", "ideName", "ideVersion", "extensionVersion",
      "$process_person_profile", "$geoip_disable");
  static final Map<String, Set<String>> CONTRACT = Map.of(
      "autocomplete", Set.of("accepted", "modelName", "modelProvider", "fileExtension", "time"),
      "tokens_generated", Set.of("model", "provider", "promptTokens", "generatedTokens"),
      "chat", Set.of("model", "provider"),
      "useSlashCommand", Set.of("name"),
      "$pageview", Set.of("$current_url"));

  static Stream<Path> javas() {
    return ChildJvm.javasUnderTest().stream();
  }

  static Path agentJar() {
    return existing(System.getProperty("tracked.agent.jar", "../agent/target/tracked-agent.jar"));
  }

  static Path sampleJar() {
    return existing(System.getProperty("tracked.sample.jar", "target/sample-app.jar"));
  }

  private static Path existing(String path) {
    Path jar = Paths.get(path).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: integration tests run after `mvn package`");
    }
    return jar;
  }

  static ChildJvm sample(Path java, String agentArguments, String... arguments) {
    return ChildJvm.builder().java(java).javaAgent(agentJar(), agentArguments).jar(sampleJar()).args(arguments);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void everyContractEventArrivesAndNothingPersonalDoes(Path java) {
    try (FakePostHog posthog = FakePostHog.start(API_KEY)) {
      ChildJvm.Result result = sample(java, "posthog.apiKey=" + API_KEY + ",posthog.host=" + posthog.url(),
          "--sessions", "2").run(Duration.ofSeconds(90));
      result.expectExit(0);

      posthog.awaitEvents(events -> CONTRACT.keySet().stream()
          .allMatch(name -> events.stream().anyMatch(e -> e.event().equals(name))), Duration.ofSeconds(20));
      posthog.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(10));

      for (CapturedEvent event : posthog.events()) {
        Set<String> expected = new TreeSet<>(CONTRACT.getOrDefault(event.event(), Set.of()));
        assertTrue(CONTRACT.containsKey(event.event()), "unexpected event " + event);
        expected.addAll(COMMON);
        assertEquals(expected, new TreeSet<>(event.properties().keySet()), "properties of " + event);
        assertEquals("Tracked Sample Editor", event.property("ideName"));
      }
      assertEquals(Boolean.TRUE,
          posthog.events("autocomplete").stream().anyMatch(e -> Boolean.TRUE.equals(e.property("accepted"))));
      assertEquals(Boolean.TRUE,
          posthog.events("autocomplete").stream().anyMatch(e -> Boolean.FALSE.equals(e.property("accepted"))));
      assertTrue(posthog.events("$pageview").stream().anyMatch(e -> "/history".equals(e.property("$current_url"))));

      String everythingSent = posthog.allBodies();
      for (String forbidden : SampleContent.forbidden()) {
        assertFalse(everythingSent.contains(forbidden), "sent to PostHog: " + forbidden);
      }
      assertTrue(posthog.privacyViolations().isEmpty(), posthog.privacyViolations().toString());
      assertFalse(result.stdout().contains("[tracked]"), "the agent wrote to the host's stdout");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void optedOutUserSendsNothing(Path java, @TempDir Path home) throws IOException {
    Path config = home.resolve(".continue/config.json");
    Files.createDirectories(config.getParent());
    Files.writeString(config, "{ \"allowAnonymousTelemetry\": false }");
    try (FakePostHog posthog = FakePostHog.start(API_KEY)) {
      ChildJvm.Result result = sample(java, "debug=true,posthog.apiKey=" + API_KEY + ",posthog.host=" + posthog.url(),
          "--sessions", "2").userHome(home).run(Duration.ofSeconds(90));

      result.expectExit(0);
      assertTrue(result.stderr().contains("consent: telemetry off because"), result.stderr());
      posthog.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(10));
      assertEquals(0, posthog.requestCount(), posthog.requests().toString());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void exitsPromptlyWhenPostHogIsDown(Path java) {
    ChildJvm.Result result = sample(java, "posthog.apiKey=" + API_KEY + ",posthog.host=http://127.0.0.1:"
        + FakePostHog.unusedPort(), "--sessions", "2").run(Duration.ofSeconds(60));
    assertFalse(result.timedOut(), "the sample hung at exit: " + result);
    result.expectExit(0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void embeddedDefaultWritesTheOutbox(Path java) throws IOException {
    ChildJvm.Running child = ChildJvm.builder().java(java).javaAgent(agentJar(), null).jar(sampleJar()).start();
    ChildJvm.Result result = child.waitFor(Duration.ofSeconds(60));
    result.expectExit(0);

    Path outbox = child.userHome().resolve(".continue/telemetry/outbox.jsonl");
    assertEquals("", result.stderr(), "the agent's normal operation is silent on the host's stderr");
    List<String> lines = Files.readAllLines(outbox);
    Set<String> names = new TreeSet<>();
    for (String line : lines) {
      names.add(CapturedEvent.parse(line).event());
      for (String forbidden : SampleContent.forbidden()) {
        assertFalse(line.contains(forbidden), "written to the outbox: " + forbidden);
      }
    }
    assertEquals(new TreeSet<>(CONTRACT.keySet()), names);
  }
}
