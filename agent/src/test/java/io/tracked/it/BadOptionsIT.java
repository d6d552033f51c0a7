package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.ChildJvm;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typos in options are reported once, with the fix, and never stop the host. */
class BadOptionsIT {

  @Test
  void malformedOptionsAreReportedAndTheHostRuns() {
    ChildJvm.Result result = AgentHarness.fixture(ChildJvm.javasUnderTest().get(0),
        "debgu=true,debug=maybe,posthog.apiKey=phc_x,posthog.host=not a url,methods=broken", "basic")
        .env("TRACKED_SOMETHING", "1")
        .run(Duration.ofSeconds(60));

    result.expectExit(0);
    List<String> lines = AgentHarness.agentLines(result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("unknown agent argument 'debgu'")), result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("debug='maybe'") && l.contains("Fix:")), result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("posthog.host='not a url'")), result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("methods entry 'broken'")), result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("TRACKED_SOMETHING")), result.stderr());
    assertTrue(lines.stream().anyMatch(l -> l.contains("events go to the outbox")), result.stderr());
    assertEquals(4, result.stdout().lines().count(), result.stdout());
  }
}
