package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostHog down or hanging must never hold the host: it exits with its own status, and what could
 * not be sent is kept in the outbox rather than lost. The generous child timeout only detects a
 * hang; timings are measured in benchmarks, not asserted here.
 */
class UnreachableServerIT {

  @Test
  void refusedConnectionKeepsEventsAndExits() throws IOException {
    String host = "http://127.0.0.1:" + FakePostHog.unusedPort();
    ChildJvm.Running child = AgentHarness.fixture(ChildJvm.javasUnderTest().get(0),
        "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + host, "basic").start();
    ChildJvm.Result result = child.waitFor(Duration.ofSeconds(60));

    assertFalse(result.timedOut(), "the host hung at exit: " + result);
    result.expectExit(0);
    assertTrue(result.stderr().contains("cannot reach PostHog at " + host), result.stderr());
    Path outbox = child.userHome().resolve(".continue/telemetry/outbox.jsonl");
    List<String> lines = Files.readAllLines(outbox);
    assertEquals(5, lines.size(), String.join("\n", lines));
    for (String line : lines) {
      CapturedEvent event = CapturedEvent.parse(line);
      assertEquals(Boolean.FALSE, event.property("$process_person_profile"));
    }
  }

  @Test
  void hangingServerDoesNotHoldTheHost() {
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      posthog.delay(Duration.ofSeconds(120));
      ChildJvm.Result result = AgentHarness.fixture(ChildJvm.javasUnderTest().get(0),
              "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url(), "basic")
          .run(Duration.ofSeconds(60));

      assertFalse(result.timedOut(), "the host hung at exit: " + result);
      result.expectExit(0);
    }
  }
}
