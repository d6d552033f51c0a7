package io.tracked.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakePostHogTest {

  private static final String KEY = "phc_testkey";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private FakePostHog posthog;

  @BeforeEach
  void start() {
    posthog = FakePostHog.start(KEY);
  }

  @AfterEach
  void stop() {
    posthog.close();
  }

  private static String event(String name, String distinctId, String uuid) {
    return "{\"event\":\"" + name + "\",\"distinct_id\":\"" + distinctId + "\",\"properties\":"
        + "{\"$process_person_profile\":false,\"$geoip_disable\":true,\"os\":\"Linux\"},"
        + "\"timestamp\":\"2025-01-02T03:04:05.678Z\",\"uuid\":\"" + uuid + "\"}";
  }

  private static String batch(String key, String... events) {
    return "{\"api_key\":\"" + key + "\",\"batch\":[" + String.join(",", events)
        + "],\"sent_at\":\"2025-01-02T03:04:06Z\"}";
  }

  private HttpResponse<String> post(String pathAndQuery, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(posthog.url() + pathAndQuery))
        .timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return post(path, body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void urlIsLoopbackWithoutTrailingSlash() {
    assertEquals("http://127.0.0.1:" + posthog.port(), posthog.url());
    assertTrue(posthog.port() > 0);
  }

  @Test
  void plainBatchIsRecorded() throws Exception {
    HttpResponse<String> response = post("/batch/", batch(KEY,
        event("chat", "id-1", "018f0000-0000-7000-8000-000000000001"),
        event("autocomplete", "id-1", "018f0000-0000-7000-8000-000000000002")));

    assertEquals(200, response.statusCode());
    assertEquals("{\"status\":1}", response.body());
    List<CapturedEvent> events = posthog.events();
    assertEquals(2, events.size());
    CapturedEvent chat = events.get(0);
    assertEquals("chat", chat.event());
    assertEquals("id-1", chat.distinctId());
    assertEquals("Linux", chat.property("os"));
    assertEquals(Boolean.FALSE, chat.property("$process_person_profile"));
    assertEquals("2025-01-02T03:04:05.678Z", chat.timestamp());
    assertEquals("018f0000-0000-7000-8000-000000000001", chat.uuid());
    assertTrue(chat.rawJson().contains("\"event\":\"chat\""));
    assertEquals(1, posthog.events("autocomplete").size());

    CapturedRequest request = posthog.requests().get(0);
    assertEquals("POST", request.method());
    assertEquals("/batch/", request.path());
    assertEquals(200, request.status());
    assertEquals("application/json", request.header("content-type"));
    assertTrue(posthog.allBodies().contains("\"sent_at\""));
    assertTrue(posthog.privacyViolations().isEmpty(), posthog.privacyViolations()::toString);
  }

  @Test
  void gzipIsDetectedByHeaderQueryOrMagicBytes() throws Exception {
    String body = batch(KEY, event("chat", "id-1", "018f0000-0000-7000-8000-000000000001"));
    assertEquals(200, post("/batch", gzip(body), "Content-Encoding", "gzip").statusCode());
    assertEquals(200, post("/batch/?compression=gzip-js&ver=1", gzip(body)).statusCode());
    assertEquals(200, post("/batch/", gzip(body)).statusCode());

    assertEquals(3, posthog.events().size());
    assertTrue(posthog.allBodies().contains("\"event\":\"chat\""), "bodies are recorded gunzipped");
    assertEquals("compression=gzip-js&ver=1", posthog.requests().get(1).query());
  }

  @Test
  void wrongOrMissingKeyIsRefusedWith401ButRecorded() throws Exception {
    assertEquals(401, post("/batch/", batch("phc_other", event("chat", "id", "u"))).statusCode());
    assertEquals(401, post("/batch/", "{\"batch\":[" + event("chat", "id", "u") + "]}").statusCode());

    assertTrue(posthog.events().isEmpty());
    assertEquals(2, posthog.requestCount());
    assertEquals(401, posthog.requests().get(0).status());
    assertTrue(posthog.allBodies().contains("phc_other"));
  }

  @Test
  void severalKeysInOneRequestAreRefused() throws Exception {
    String foreign = "{\"event\":\"chat\",\"distinct_id\":\"x\",\"api_key\":\"phc_other\"}";
    assertEquals(401, post("/batch/", batch(KEY, foreign)).statusCode());
  }

  @Test
  void malformedRequestsGet400() throws Exception {
    assertEquals(400, post("/batch/", batch(KEY)).statusCode(), "empty batch");
    assertEquals(400, post("/batch/", "{\"api_key\":").statusCode(), "bad JSON");
    assertEquals(400, post("/batch/", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}).statusCode(), "bad gzip");
    assertEquals(400, post("/batch/", batch(KEY, "{\"event\":\"chat\",\"properties\":{}}")).statusCode(),
        "no distinct_id");
    assertEquals(400, post("/batch/", batch(KEY, "{\"event\":\"\",\"distinct_id\":\"x\"}")).statusCode(),
        "empty event name");
    assertEquals(400, post("/batch/", "").statusCode(), "empty body");
    assertEquals(400, post("/batch/", batch(KEY, event("chat", "d", "u")) + " trailing").statusCode(),
        "trailing garbage");
    assertEquals(400, post("/batch/", gzip("{not json")).statusCode(), "gzip of bad JSON");
    assertTrue(posthog.events().isEmpty());
    assertEquals(8, posthog.requestCount());
  }

  @Test
  void distinctIdMayComeFromProperties() throws Exception {
    String e = "{\"event\":\"chat\",\"properties\":{\"distinct_id\":\"from-props\"}}";
    assertEquals(200, post("/batch", batch(KEY, e)).statusCode());
    assertEquals("from-props", posthog.events().get(0).distinctId());
    assertNull(posthog.events().get(0).uuid());
  }

  @Test
  void singleEventsOnCaptureRoutes() throws Exception {
    String single = "{\"api_key\":\"" + KEY + "\",\"event\":\"$pageview\",\"distinct_id\":\"d\","
        + "\"properties\":{\"$current_url\":\"/history\"}}";
    assertEquals(200, post("/capture/", single).statusCode());
    String withToken = "{\"token\":\"" + KEY + "\",\"event\":\"chat\",\"distinct_id\":\"d\"}";
    assertEquals(200, post("/i/v0/e/", withToken).statusCode());
    assertEquals(200, post("/e", "[" + "{\"$token\":\"" + KEY + "\",\"event\":\"x\",\"distinct_id\":\"d\"}]")
        .statusCode());

    assertEquals(List.of("$pageview", "chat", "x"), posthog.events().stream().map(CapturedEvent::event).toList());
    assertEquals("/history", posthog.events("$pageview").get(0).property("$current_url"));
  }

  @Test
  void unknownRoutesAndFlagsGet404AndAreRecorded() throws Exception {
    String body = batch(KEY, event("chat", "d", "u"));
    assertEquals(404, post("/flags/?v=2", body).statusCode());
    assertEquals(404, post("/decide/", body).statusCode());
    assertEquals(404, post("/api/batch", body).statusCode());
    HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(URI.create(posthog.url() + "/batch/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(405, get.statusCode());

    assertTrue(posthog.events().isEmpty());
    assertEquals(List.of("/flags/", "/decide/", "/api/batch", "/batch/"),
        posthog.requests().stream().map(CapturedRequest::path).toList());
    assertFalse(posthog.requests().get(0).isCapture());
  }

  @Test
  void oversizedBodyGets413() throws Exception {
    byte[] big = new byte[Routes.SINGLE_LIMIT_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    assertEquals(413, post("/capture/", big).statusCode());
    assertEquals(413, posthog.requests().get(0).status());
  }

  @Test
  void scriptedStatusesApplyUntilReset() throws Exception {
    String body = batch(KEY, event("chat", "d", "u"));
    posthog.respondWith(503);
    assertEquals(503, post("/batch/", body).statusCode());
    assertEquals(503, post("/batch/", body).statusCode());
    assertTrue(posthog.events().isEmpty(), "refused events are not accepted");

    posthog.respondWith(429, Duration.ofSeconds(7));
    HttpResponse<String> limited = post("/batch/", body);
    assertEquals(429, limited.statusCode());
    assertEquals("7", limited.headers().firstValue("Retry-After").orElse(null));

    posthog.behaveNormally().respondWithNext(1, 500);
    assertEquals(500, post("/batch/", body).statusCode());
    assertEquals(200, post("/batch/", body).statusCode());
    assertEquals(1, posthog.events().size());
    assertEquals(List.of(503, 503, 429, 500, 200),
        posthog.requests().stream().map(CapturedRequest::status).toList());
  }

  @Test
  void delayMakesTheServerSlow() throws Exception {
    posthog.delay(Duration.ofMillis(1500));
    HttpRequest request = HttpRequest.newBuilder(URI.create(posthog.url() + "/batch/"))
        .timeout(Duration.ofMillis(200))
        .POST(HttpRequest.BodyPublishers.ofString(batch(KEY, event("chat", "d", "u"))))
        .build();
    assertThrows(HttpTimeoutException.class, () -> CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
    assertEquals(1, posthog.awaitRequests(r -> r.size() == 1, Duration.ofSeconds(2)).size());
  }

  @Test
  void awaitEventsWaitsForLateArrivals() throws Exception {
    CompletableFuture<Integer> later = CompletableFuture.supplyAsync(() -> {
      try {
        Thread.sleep(150);
        return post("/batch/", batch(KEY, event("chat", "d", "u"))).statusCode();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    List<CapturedEvent> events = posthog.awaitEvents(e -> !e.isEmpty(), Duration.ofSeconds(5));
    assertEquals("chat", events.get(0).event());
    assertEquals(200, later.get());
    assertEquals(1, posthog.awaitEventCount(1, Duration.ofSeconds(1)).size());
  }

  @Test
  void awaitEventsTimesOutSayingWhatArrived() throws Exception {
    post("/batch/", batch(KEY, event("tokens_generated", "d", "u")));
    long start = System.nanoTime();
    AssertionError error = assertThrows(AssertionError.class,
        () -> posthog.awaitEvents(e -> e.size() >= 2, Duration.ofMillis(200)));
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(waitedMillis >= 190 && waitedMillis < 2_000, "waited " + waitedMillis + " ms");
    assertTrue(error.getMessage().contains("1 events received"), error.getMessage());
    assertTrue(error.getMessage().contains("tokens_generated"), error.getMessage());
  }

  @Test
  void awaitQuietReturnsOnceTrafficStops() throws Exception {
    post("/batch/", batch(KEY, event("chat", "d", "u")));
    long start = System.nanoTime();
    assertEquals(1, posthog.awaitQuiet(Duration.ofMillis(150), Duration.ofSeconds(2)).size());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 1_000);
  }

  @Test
  void awaitQuietFailsWhileRequestsKeepComing() {
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    CompletableFuture<Void> chatter = CompletableFuture.runAsync(() -> {
      for (int i = 0; !stop.get() && i < 200; i++) {
        try {
          post("/batch/", batch(KEY, event("chat", "d", "u" + i)));
          Thread.sleep(30);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    });
    try {
      posthog.awaitRequests(r -> !r.isEmpty(), Duration.ofSeconds(5));
      AssertionError error = assertThrows(AssertionError.class,
          () -> posthog.awaitQuiet(Duration.ofMillis(400), Duration.ofMillis(600)));
      assertTrue(error.getMessage().contains("without requests"), error.getMessage());
    } finally {
      stop.set(true);
      chatter.join();
    }
  }

  @Test
  void privacyViolationsAreListedPerEvent() throws Exception {
    String bad = "{\"event\":\"$identify\",\"distinct_id\":\"d\",\"$set\":{\"email\":\"a@b.c\"},"
        + "\"properties\":{\"$ip\":\"1.2.3.4\",\"$process_person_profile\":true}}";
    post("/batch/", batch(KEY, event("chat", "d", "u"), bad));

    List<String> violations = posthog.privacyViolations();
    String all = String.join("\n", violations);
    assertEquals(5, violations.size(), all);
    assertTrue(all.contains("identity events"), all);
    assertTrue(all.contains("$process_person_profile is true"), all);
    assertTrue(all.contains("$geoip_disable is missing"), all);
    assertTrue(all.contains("property $ip"), all);
    assertTrue(all.contains("top-level $set"), all);

    List<String> withAllowlist = posthog.privacyViolations(Set.of("$process_person_profile", "$geoip_disable"));
    assertTrue(withAllowlist.stream().anyMatch(v -> v.contains("property os is not in the allowlist")),
        withAllowlist::toString);
  }

  @Test
  void strictModeRequiresUuidTimestampAndJson() throws Exception {
    posthog.strict(true);
    String noUuid = "{\"event\":\"chat\",\"distinct_id\":\"d\",\"properties\":{},\"timestamp\":\"2025-01-02T03:04:05Z\"}";
    assertEquals(400, post("/batch/", batch(KEY, noUuid)).statusCode());
    String badTime = event("chat", "d", "018f0000-0000-7000-8000-000000000001").replace("2025-01-02T03:04:05.678Z",
        "yesterday");
    assertEquals(400, post("/batch/", batch(KEY, badTime)).statusCode());
    assertEquals(400, post("/batch/", batch(KEY, event("chat", "d", "018f0000-0000-7000-8000-000000000001"))
        .getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain").statusCode());
    assertTrue(posthog.events().isEmpty());

    String good = event("chat", "d", "018f0000-0000-7000-8000-000000000001");
    assertEquals(200, post("/batch/", batch(KEY, good, good)).statusCode());
    assertEquals(Set.of("018f0000-0000-7000-8000-000000000001"), posthog.duplicateUuids());
  }

  @Test
  void clearForgetsWhatWasRecorded() throws Exception {
    post("/batch/", batch(KEY, event("chat", "d", "u")));
    posthog.clear();
    assertEquals(0, posthog.requestCount());
    assertTrue(posthog.events().isEmpty());
    assertEquals("", posthog.allBodies());
  }

  @Test
  void closeReleasesThePortAndUnusedPortRefuses() throws Exception {
    int port = posthog.port();
    posthog.close();
    HttpRequest toClosed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/batch/"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    assertThrows(ConnectException.class, () -> CLIENT.send(toClosed, HttpResponse.BodyHandlers.ofString()));

    HttpRequest toNobody = HttpRequest
        .newBuilder(URI.create("http://127.0.0.1:" + FakePostHog.unusedPort() + "/batch/"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    assertThrows(ConnectException.class, () -> CLIENT.send(toNobody, HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  void capturedEventParsesOutboxLines() {
    CapturedEvent event = CapturedEvent.parse(event("chat", "d", "u"));
    assertEquals("chat", event.event());
    assertTrue(PrivacyRules.violations(event).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> CapturedEvent.parse("{\"distinct_id\":\"d\"}"));
    assertThrows(IllegalArgumentException.class, () -> CapturedEvent.parse("not json"));
  }
}
