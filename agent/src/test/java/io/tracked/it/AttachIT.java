package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code attach} on JDK 17 and 25: a host started without the agent gets events with their argument
 * properties (a jar built with {@code -parameters} and no local variable table: its names are read
 * from the class file, as JDK 17's rebuilt copy has none), and a second attach, or one to
 * a host started with {@code -javaagent}, says the agent is already running and prints nothing false.
 */
class AttachIT {

  @TempDir Path temp;

  static Stream<Path> javas() {
    return ChildJvm.javasUnderTest().stream();
  }

  private static ChildJvm.Result attach(Path java, long pid, String arguments) {
    return ChildJvm.builder().java(java).jar(AgentHarness.agentJar()).args("attach", Long.toString(pid), arguments)
        .run(Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void attachKeepsArgumentPropertiesAndASecondAttachSaysAlreadyRunning(Path java) throws Exception {
    // -parameters without a local variable table: JDK 17 rebuilds loaded classes without their
    // MethodParameters attribute, so the names must come from the class file itself.
    Path jar = ThirdPartyJar.compile(temp, Paths.get("src/test/thirdparty"), "parameters-only.jar",
        List.of("-parameters", "-g:none"), List.of());
    Path stop = temp.resolve("stop");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY);
        ChildJvm.Running host = ChildJvm.builder().java(java)
            .mainClass(ThirdPartyJar.PACKAGE + "Demo", List.of(jar)).args("loop", stop.toString()).start()) {
      host.awaitStdout(out -> out.contains("looping"), Duration.ofSeconds(30));

      String arguments = "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url()
          + ",methods=" + ThirdPartyMethodsIT.FIRING;
      ChildJvm.Result first = attach(java, host.pid(), arguments);
      first.expectExit(0);
      assertTrue(first.stdout().contains("Tracked agent loaded into JVM"), first.stdout());
      posthog.awaitEvents(events -> events.stream().anyMatch(e -> e.event().equals("setStyle"))
          && events.stream().anyMatch(e -> e.event().equals("completion_inserted")), Duration.ofSeconds(30));

      ChildJvm.Result second = attach(java, host.pid(), arguments);
      second.expectExit(0);
      assertTrue(second.stdout().contains("already running"), second.stdout());

      Files.createFile(stop);
      ChildJvm.Result hostResult = host.waitFor(Duration.ofSeconds(60));
      hostResult.expectExit(0);
      assertFalse(hostResult.stderr().contains("disabled"), hostResult.stderr());
      assertFalse(hostResult.stderr().contains("InvocationTargetException"), hostResult.stderr());
      assertFalse(hostResult.stdout().contains("[tracked]"), "the agent wrote to the host's stdout");

      for (CapturedEvent event : posthog.events("completion_inserted")) {
        assertTrue(Set.of("keyword", "snippet").contains(event.property("completionKind")), event.toString());
        assertEquals(Boolean.FALSE, event.property("replace"), event.toString());
      }
      for (CapturedEvent event : posthog.events("setStyle")) {
        assertEquals("java", event.property("language"), event.toString());
      }
      for (CapturedEvent event : posthog.events("chat")) {
        assertEquals("gpt-4o", event.property("model"), event.toString());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void attachToAHostStartedWithTheAgentSaysAlreadyRunning(Path java) throws Exception {
    Path stop = temp.resolve("stop");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY);
        ChildJvm.Running host = AgentHarness.fixture(java,
            "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url(), "loop", "1", stop.toString())
            .start()) {
      host.awaitStdout(out -> out.contains("looping"), Duration.ofSeconds(30));
      posthog.awaitEvents(events -> !events.isEmpty(), Duration.ofSeconds(30));

      ChildJvm.Result again = attach(java, host.pid(), "debug=true");
      again.expectExit(0);
      assertTrue(again.stdout().contains("already running"), again.stdout());
      assertTrue(again.stdout().contains("-javaagent"), again.stdout());

      Files.createFile(stop);
      ChildJvm.Result hostResult = host.waitFor(Duration.ofSeconds(60));
      hostResult.expectExit(0);
      assertEquals(List.of(), AgentHarness.agentLines(hostResult.stderr()),
          "a normal run and an attach that changes nothing write no line on the host's stderr");
      CapturedEvent event = posthog.events("suggestion_outcome").get(0);
      assertEquals("gpt-4o-mini", event.property("modelName"));
    }
  }
}
