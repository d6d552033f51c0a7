package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With allowAnonymousTelemetry false (or an unreadable config), not a single request leaves. */
class ConsentOffIT {

  @TempDir Path continueDir;

  @Test
  void optedOutUserSendsNothing() throws IOException {
    Files.writeString(continueDir.resolve("config.json"),
        "{\n  // the user opted out\n  \"allowAnonymousTelemetry\": false,\n}\n");
    assertNoRequests();
  }

  @Test
  void unparseableConfigSendsNothingAndSaysWhy() throws IOException {
    Files.writeString(continueDir.resolve("config.json"), "{ \"allowAnonymousTelemetry\": tru }");
    String stderr = assertNoRequests();
    assertTrue(stderr.contains("is not valid JSON at line 1"), stderr);
  }

  private String assertNoRequests() {
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      ChildJvm.Result result = AgentHarness.fixture(ChildJvm.javasUnderTest().get(0),
          "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url()
              + ",debug=true,config=" + continueDir.resolve("config.json"),
          "basic", "20")
          .run(Duration.ofSeconds(60));

      result.expectExit(0);
      assertTrue(result.stderr().contains("consent: telemetry off because"), result.stderr());
      // debug=true keeps the start line that normal operation no longer prints: what was decided and where.
      assertTrue(result.stderr().contains(": telemetry off (") && result.stderr().contains("events go to PostHog at "
          + posthog.url()), result.stderr());
      posthog.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(5));
      assertEquals(0, posthog.requestCount(), posthog.requests().toString());
      assertTrue(Files.notExists(continueDir.resolve("telemetry/outbox.jsonl")));
      return result.stderr();
    }
  }
}
