package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracked.agent.testing.Poll;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At host exit close(timeout) returns in time whatever the server does; what it could not send is spilled to the outbox. */
class PostHogSinkCloseTest {

  private static final long CLOSE_TIMEOUT_MILLIS = 3_000;
  private static final long WELL_UNDER_MILLIS = 10_000;

  @TempDir Path dir;

  private static List<String> lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long closeAndTime(PostHogSink sink) {
    long start = System.nanoTime();
    sink.close(CLOSE_TIMEOUT_MILLIS);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void assertSpilled(Path outbox, int count) throws Exception {
    Poll.until(() -> lines(outbox).size() >= count, Duration.ofSeconds(10),
        () -> "outbox holds " + lines(outbox));
    List<String> lines = lines(outbox);
    assertEquals(count, lines.size(), lines.toString());
    for (String line : lines) {
      JsonNode event = new ObjectMapper().readTree(line);
      assertEquals("chat", event.get("event").asText());
      assertEquals("gpt-4o", event.get("properties").get("model").asText());
    }
  }

  @Test
  void unreachableServerClosesInTimeAndSpills() throws Exception {
    Path outbox = dir.resolve("outbox.jsonl");
    PostHogSink sink = PostHogSink.create("phc_key", URI.create("http://127.0.0.1:" + FakePostHog.unusedPort()),
        () -> true, new OutboxSink(outbox));
    for (int i = 0; i < 3; i++) {
      sink.send(Events.event("chat", i));
    }

    long took = closeAndTime(sink);

    assertTrue(took < WELL_UNDER_MILLIS, "close took " + took + " ms");
    assertSpilled(outbox, 3);
  }

  @Test
  void slowServerClosesInTimeAndSpills() throws Exception {
    Path outbox = dir.resolve("outbox.jsonl");
    try (FakePostHog posthog = FakePostHog.start("phc_slow_test_key")) {
      posthog.delay(Duration.ofSeconds(30));
      PostHogSink sink = PostHogSink.create(posthog.apiKey(), URI.create(posthog.url()), () -> true,
          new OutboxSink(outbox));
      for (int i = 0; i < 3; i++) {
        sink.send(Events.event("chat", i));
      }

      long took = closeAndTime(sink);

      assertTrue(took < WELL_UNDER_MILLIS, "close took " + took + " ms");
      assertSpilled(outbox, 3);
    }
  }

  @Test
  void consentOffAtExitNeitherSendsNorSpills() throws Exception {
    Path outbox = dir.resolve("outbox.jsonl");
    try (FakePostHog posthog = FakePostHog.start("phc_consent_close_key")) {
      PostHogSink sink = PostHogSink.create(posthog.apiKey(), URI.create(posthog.url()), () -> false,
          new OutboxSink(outbox));
      sink.send(Events.event("chat", 1));

      closeAndTime(sink);

      assertEquals(0, posthog.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(5)).size());
      assertTrue(lines(outbox).isEmpty());
    }
  }
}
