package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Arguments built to hurt: a toString() that throws, a cyclic graph, a 100 MB string and a
 * million-element list. The host must finish normally and only the harmless value may be sent.
 */
class HostileArgumentsIT {

  @Test
  void hostileArgumentsNeverReachTheHostOrTheNetwork() {
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      ChildJvm.Result result = AgentHarness.fixture(ChildJvm.javasUnderTest().get(0),
          "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url(), "hostile")
          .jvmArg("-Xmx1g")
          .run(Duration.ofSeconds(90));

      result.expectExit(0);
      CapturedEvent event = posthog.awaitEventCount(1, Duration.ofSeconds(20)).get(0);
      assertEquals("hostile_arguments", event.event());
      assertEquals("ok-value", event.property("plain"));
      for (String dropped : new String[] {"hostile", "cyclic", "huge", "big"}) {
        assertFalse(event.hasProperty(dropped), dropped + " was sent: " + event);
      }
      assertFalse(result.stderr().contains("toString must not be called"), result.stderr());
    }
  }
}
