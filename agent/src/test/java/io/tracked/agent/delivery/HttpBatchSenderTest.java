package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracked.agent.event.SerializedEvent;
import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.CapturedRequest;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One POST per batch, each event embedded as written, and a verdict for every answer. */
class HttpBatchSenderTest {

  private final FakePostHog posthog = FakePostHog.start("phc_sender_test_key").strict(true);
  private final HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()));

  @AfterEach
  void stop() {
    posthog.close();
  }

  @Test
  void gzipBatchCarriesTheEventsAsWritten() throws Exception {
    List<SerializedEvent> events = Events.serialized(3);

    Outcome outcome = sender.post(events, 5_000);

    assertEquals(Outcome.Kind.ACKED, outcome.kind(), outcome.toString());
    CapturedRequest request = posthog.requests().get(0);
    assertEquals("/batch/", request.path());
    assertEquals("gzip", request.header("Content-Encoding"));
    JsonNode body = new ObjectMapper().readTree(request.body());
    assertEquals("phc_sender_test_key", body.get("api_key").asText());
    assertTrue(body.has("sent_at"));
    assertEquals(Events.uuids(events), posthog.events().stream().map(CapturedEvent::uuid).collect(Collectors.toList()));
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 3; i++) {
      assertEquals(json.readTree(events.get(i).json()), body.get("batch").get(i), "embedded unchanged");
    }
    assertEquals("2023-11-14T22:13:20Z", posthog.events().get(0).timestamp(), "the call's time, not the send time");
  }

  @Test
  void serverErrorAndTooManyRequestsAreRetried() {
    posthog.respondWithNext(1, 503);
    assertEquals(Outcome.Kind.RETRY, sender.post(Events.serialized(1), 5_000).kind());

    posthog.respondWith(429, Duration.ofSeconds(120));
    Outcome limited = sender.post(Events.serialized(1), 5_000);
    assertEquals(Outcome.Kind.RETRY, limited.kind());
    assertEquals(429, limited.status());
    assertEquals(120_000, limited.retryAfterMillis());
  }

  @Test
  void clientErrorsAreRefusedForGood() {
    for (int status : new int[] {400, 401, 403, 404, 413}) {
      posthog.respondWithNext(1, status);
      Outcome outcome = sender.post(Events.serialized(1), 5_000);
      assertEquals(Outcome.Kind.REJECTED, outcome.kind(), "status " + status);
      assertEquals(status, outcome.status());
    }
  }

  @Test
  void unreachableAndSlowAreRetriedWithinTheTimeout() {
    HttpBatchSender nowhere = new HttpBatchSender("phc_key", URI.create("http://127.0.0.1:" + FakePostHog.unusedPort()));
    Outcome refused = nowhere.post(Events.serialized(1), 5_000);
    assertEquals(Outcome.Kind.RETRY, refused.kind());
    assertEquals(0, refused.status());

    posthog.delay(Duration.ofSeconds(30));
    long start = System.nanoTime();
    Outcome slow = sender.post(Events.serialized(1), 300);
    long took = (System.nanoTime() - start) / 1_000_000;
    assertEquals(Outcome.Kind.RETRY, slow.kind());
    assertTrue(took < 20_000, "the timeout given bounds the wait, took " + took + " ms");
  }
}
