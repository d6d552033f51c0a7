package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posthog.java.shaded.org.json.JSONObject;
import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.CapturedRequest;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch goes to /batch/ as one gzip POST carrying the project key; nothing is spilled on success. */
class HttpBatchSenderDeliveryTest {

  private final FakePostHog posthog = FakePostHog.start("phc_delivery_test_key").strict(true);
  private final List<List<String>> spilled = new ArrayList<>();

  @AfterEach
  void stop() {
    posthog.close();
  }

  @Test
  void gzipBatchWithApiKeyArrives() throws Exception {
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> true, spilled::add);
    List<JSONObject> events = Events.json(3);

    Boolean done = sender.send(events);

    assertEquals(Boolean.TRUE, done);
    assertEquals(1, posthog.requestCount());
    CapturedRequest request = posthog.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/batch/", request.path());
    assertEquals(200, request.status(), request.detail());
    assertEquals("gzip", request.header("Content-Encoding"));
    assertTrue(request.header("Content-Type").startsWith("application/json"), request.header("Content-Type"));
    JsonNode body = new ObjectMapper().readTree(request.body());
    assertEquals("phc_delivery_test_key", body.get("api_key").asText());
    assertEquals(3, body.get("batch").size());

    assertEquals(Events.uuids(events),
        posthog.events().stream().map(CapturedEvent::uuid).collect(Collectors.toList()));
    assertTrue(spilled.isEmpty());
  }

  @Test
  void emptyBatchSendsNothing() {
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> true, spilled::add);
    assertEquals(Boolean.TRUE, sender.send(List.of()));
    assertEquals(Boolean.TRUE, sender.send(null));
    assertEquals(0, posthog.requestCount());
  }

  @Test
  void neverAsksForFeatureFlags() {
    HttpBatchSender sender = new HttpBatchSender(posthog.apiKey(), URI.create(posthog.url()), () -> true, spilled::add);
    assertTrue(sender.post("/flags/?v=2", "someone").isEmpty());
    assertEquals(0, posthog.requestCount());
  }
}
