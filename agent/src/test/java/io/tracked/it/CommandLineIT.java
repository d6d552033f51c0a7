package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar tracked-agent.jar <command>}, run exactly as a user would. */
class CommandLineIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private static ChildJvm cli(String... arguments) {
    return ChildJvm.builder().jar(AgentHarness.agentJar()).args(arguments);
  }

  @Test
  void catalogListsEveryTrackedMethodWithItsProperties() throws IOException {
    ChildJvm.Result result = cli("catalog", "--methods", "io.tracked.fixture.FixtureApp[configured=configured_call]",
        Paths.get("target/test-classes").toAbsolutePath().toString()).run(Duration.ofSeconds(60));

    result.expectExit(0);
    List<JsonNode> lines = new ArrayList<>();
    for (String line : result.stdout().lines().toList()) {
      lines.add(JSON.readTree(line));
    }
    JsonNode suggestion = lines.stream().filter(l -> l.get("event").asText().equals("suggestion_outcome")).findFirst()
        .orElseThrow();
    assertEquals("io.tracked.fixture.FixtureApp", suggestion.get("class").asText());
    assertEquals("suggestion", suggestion.get("method").asText());
    assertEquals("[\"accepted\",\"modelName\",\"time\",\"outcome\"]", suggestion.get("properties").toString());
    assertTrue(lines.stream().anyMatch(l -> l.get("event").asText().equals("configured_call")), result.stdout());
    assertTrue(lines.stream().anyMatch(l -> l.get("properties").toString().equals("[\"provider\",\"exception\"]")),
        result.stdout());

    ChildJvm.Result markdown = cli("catalog", "--format", "markdown", "target/test-classes")
        .workDir(Paths.get("").toAbsolutePath())
        .run(Duration.ofSeconds(60));
    markdown.expectExit(0);
    assertTrue(markdown.stdout().contains("| `useSlashCommand` | `name` | (none) |"), markdown.stdout());
  }

  @Test
  void sanitizeShowsWhatWouldBeSent() {
    ChildJvm.Result result = cli("sanitize")
        .stdin("{\"name\":\"modelName\",\"value\":\"gpt-4o-mini\"}\n"
            + "{\"name\":\"filepath\",\"value\":\"/home/alice/notes.txt\"}\n"
            + "{\"name\":\"count\",\"value\":3}\n")
        .run(Duration.ofSeconds(60));

    result.expectExit(0);
    List<String> lines = result.stdout().lines().toList();
    assertEquals(3, lines.size(), result.stdout());
    assertEquals("{\"name\":\"modelName\",\"value\":\"gpt-4o-mini\",\"action\":\"keep\",\"reason\":\"identifier\"}",
        lines.get(0));
    assertTrue(lines.get(1).contains("\"action\":\"drop\"") && !lines.get(1).contains("alice"), lines.get(1));
    assertTrue(lines.get(2).contains("\"value\":3"), lines.get(2));
  }

  @Test
  void statusExplainsEachSwitch() throws IOException {
    Path config = temp.resolve("config.json");
    Files.writeString(config, "{\"allowAnonymousTelemetry\": false}");

    ChildJvm.Result off = cli("status", "--config", config.toString()).run(Duration.ofSeconds(60));
    off.expectExit(0);
    assertTrue(off.stdout().startsWith("telemetry: disabled"), off.stdout());
    assertTrue(off.stdout().contains("allowAnonymousTelemetry: false (turns telemetry off)  [from " + config + "]"),
        off.stdout());

    ChildJvm.Result doNotTrack = cli("status", "--config", temp.resolve("missing.json").toString())
        .env("DO_NOT_TRACK", "1").run(Duration.ofSeconds(60));
    assertTrue(doNotTrack.stdout().contains("DO_NOT_TRACK: 1 (turns telemetry off)"), doNotTrack.stdout());

    ChildJvm.Result on = cli("status", "--config", temp.resolve("missing.json").toString()).run(Duration.ofSeconds(60));
    assertTrue(on.stdout().startsWith("telemetry: enabled"), on.stdout());
  }

  @Test
  void unknownCommandExplainsUsage() {
    ChildJvm.Result result = cli("frobnicate").run(Duration.ofSeconds(60));
    result.expectExit(2);
    assertTrue(result.stderr().contains("unknown command 'frobnicate'") && result.stderr().contains("usage:"),
        result.stderr());
  }

  @Test
  void attachLoadsTheAgentIntoARunningJvm() throws Exception {
    Path stop = temp.resolve("stop");
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY);
        ChildJvm.Running host = ChildJvm.builder()
            .mainClass("io.tracked.fixture.FixtureApp", AgentHarness.fixtureClasspath())
            .args("loop", "1", stop.toString())
            .start()) {
      host.awaitStdout(out -> out.contains("looping"), Duration.ofSeconds(30));
      assertTrue(posthog.events().isEmpty());

      ChildJvm.Result attach = cli("attach", Long.toString(host.pid()),
          "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url()).run(Duration.ofSeconds(60));
      attach.expectExit(0);

      posthog.awaitEvents(events -> events.stream().anyMatch(e -> e.event().equals("suggestion_outcome")),
          Duration.ofSeconds(30));
      Files.createFile(stop);
      ChildJvm.Result hostResult = host.waitFor(Duration.ofSeconds(60));
      hostResult.expectExit(0);
      assertFalse(hostResult.stdout().contains("[tracked]"), "the agent wrote to the host's stdout");
    }
  }
}
