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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * PostHog down or hanging must never hold the host: it exits with its own status, and what could
 * not be sent is kept in the spool (not the outbox, which is only the destination without a key)
 * rather than lost. The generous child timeout only detects a hang; exit times are measured in the
 * Delivery*IT tests.
 */
class UnreachableServerIT {

  @Test
  void refusedConnectionKeepsEventsInTheSpoolAndExits() throws IOException {
    String host = "http://127.0.0.1:" + FakePostHog.unusedPort();
    ChildJvm.Running child = AgentHarness.fixture(ChildJvm.javasUnderTest().get(0),
        "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + host, "basic").start();
    ChildJvm.Result result = child.waitFor(Duration.ofSeconds(60));

    assertFalse(result.timedOut(), "the host hung at exit: " + result);
    result.expectExit(0);
    assertTrue(result.stderr().contains("cannot reach PostHog at " + host), result.stderr());
    assertFalse(Files.exists(child.userHome().resolve(".continue/telemetry/outbox.jsonl")), "not the outbox");
    List<String> records = new ArrayList<>();
    try (Stream<Path> files = Files.walk(child.userHome().resolve(".continue/telemetry/spool"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".seg")).collect(Collectors.toList())) {
        records.addAll(Files.readAllLines(file));
      }
    }
    assertEquals(5, records.size(), String.join("\n", records));
    for (String record : records) {
      // CRC, uuid, then the event exactly as it would have been sent.
      CapturedEvent event = CapturedEvent.parse(record.substring(record.indexOf('{')));
      assertEquals(Boolean.FALSE, event.property("$process_person_profile"));
      assertTrue(record.contains(" " + event.uuid() + " "), record);
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
