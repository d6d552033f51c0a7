package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The host never notices the agent in normal operation: the fixture prints exactly what it prints
 * without the agent on stdout, and nothing at all appears on stderr, whether events go to the outbox,
 * to PostHog or nowhere ({@code DO_NOT_TRACK=1}). Each case also checks that the agent really ran,
 * so silence cannot come from an agent that never started.
 */
class NormalRunIsSilentIT {

  @TempDir Path temp;

  static Stream<Path> javas() {
    return ChildJvm.javasUnderTest().stream();
  }

  private static String stdoutWithoutAgent(Path java) {
    ChildJvm.Result plain = ChildJvm.builder().java(java)
        .mainClass("io.tracked.fixture.FixtureApp", AgentHarness.fixtureClasspath()).args("basic")
        .run(Duration.ofSeconds(60));
    plain.expectExit(0);
    return plain.stdout();
  }

  private static void assertSilent(ChildJvm.Result result, String expectedStdout) {
    result.expectExit(0);
    assertEquals(expectedStdout, result.stdout(), "the agent changed the host's stdout");
    assertEquals("", result.stderr(), "the agent wrote on the host's stderr in normal operation");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void consentOnWithTheOutbox(Path java) throws IOException {
    String expected = stdoutWithoutAgent(java);
    ChildJvm.Running child = AgentHarness.fixture(java, null, "basic").start();
    ChildJvm.Result result = child.waitFor(Duration.ofSeconds(60));

    assertSilent(result, expected);
    Path outbox = child.userHome().resolve(".continue/telemetry/outbox.jsonl");
    assertTrue(Files.isRegularFile(outbox), "no outbox at " + outbox + ": the agent did not run");
    assertTrue(Files.readString(outbox).contains("\"suggestion_outcome\""), Files.readString(outbox));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void consentOnWithPostHog(Path java) {
    String expected = stdoutWithoutAgent(java);
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      ChildJvm.Result result = AgentHarness.fixture(java,
          "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url(), "basic")
          .run(Duration.ofSeconds(60));

      assertSilent(result, expected);
      posthog.awaitEvents(events -> events.stream().anyMatch(e -> e.event().equals("suggestion_outcome")),
          Duration.ofSeconds(20));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void doNotTrack(Path java) throws IOException {
    String expected = stdoutWithoutAgent(java);
    // An id left by an earlier run with consent: the agent deletes it when it finds telemetry off,
    // which shows that it ran and read consent while saying nothing.
    Path home = Files.createTempDirectory(temp, "home");
    Path id = home.resolve(".continue/telemetry/tracked-anonymous-id");
    Files.createDirectories(id.getParent());
    Files.writeString(id, "0f8fad5b-d9cb-469f-a165-70867728950e");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      ChildJvm.Result result = AgentHarness.fixture(java,
          "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url(), "basic")
          .userHome(home)
          .env("DO_NOT_TRACK", "1")
          .run(Duration.ofSeconds(60));

      assertSilent(result, expected);
      assertFalse(Files.exists(id), "the agent did not clear the anonymous id: did it run?");
      posthog.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(5));
      assertEquals(0, posthog.requestCount(), "DO_NOT_TRACK=1 sent something: " + posthog.requests());
      assertFalse(Files.exists(home.resolve(".continue/telemetry/outbox.jsonl")));
    }
  }
}
