package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typos in options are reported once, with the fix, and never stop the host. */
class BadOptionsIT {

  @Test
  void malformedOptionsAreReportedAndTheHostRuns() throws IOException {
    ChildJvm.Running child = AgentHarness.fixture(ChildJvm.javasUnderTest().get(0),
        "debgu=true,debug=maybe,posthog.apiKey=phc_x,posthog.host=not a url,methods=broken", "basic")
        .env("TRACKED_SOMETHING", "1")
        .start();
    ChildJvm.Result result = child.waitFor(Duration.ofSeconds(60));

    result.expectExit(0);
    List<String> lines = AgentHarness.agentLines(result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("unknown agent argument 'debgu'")), result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("debug='maybe'") && l.contains("Fix:")), result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("posthog.host='not a url'")), result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("methods entry 'broken'")), result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("TRACKED_SOMETHING")), result.stderr());
    assertEquals(5, lines.size(), "one line per problem, nothing else:\n" + result.stderr());
    assertEquals(4, result.stdout().lines().count(), result.stdout());
    // The unusable host sent the events to the outbox instead, with the key nowhere.
    Path outbox = child.userHome().resolve(".continue/telemetry/outbox.jsonl");
    assertTrue(Files.isRegularFile(outbox), "the events should have gone to the outbox " + outbox);
    String written = Files.readString(outbox);
    assertTrue(written.contains("\"suggestion_outcome\""), written);
    assertFalse(written.contains("phc_x"), "the key was written to the outbox");
  }
}
