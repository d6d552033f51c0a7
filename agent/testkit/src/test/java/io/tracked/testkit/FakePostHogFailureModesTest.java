package io.tracked.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The failures delivery must survive: a server that never answers, one that stores then hangs up, one that comes back. */
class FakePostHogFailureModesTest {

    private static final String KEY = "phc_failure_modes";
    private static final String BATCH = "{\"api_key\":\"" + KEY + "\",\"batch\":[{\"event\":\"e\",\"distinct_id\":\"d\","
            + "\"properties\":{},\"uuid\":\"0b7f9a64-3a43-4c3c-9c52-3d6f0f4a6a01\"}]}";

    private static int post(String url, int readTimeoutMillis) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(url + "/batch/").openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setReadTimeout(readTimeoutMillis);
        byte[] body = BATCH.getBytes(StandardCharsets.UTF_8);
        connection.setFixedLengthStreamingMode(body.length);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        }
        return connection.getResponseCode();
    }

    @Test
    void hangNeverAnswersAndStoresNothing() {
        try (FakePostHog posthog = FakePostHog.start(KEY).hang()) {
            assertThrows(java.net.SocketTimeoutException.class, () -> post(posthog.url(), 500));
            assertEquals(1, posthog.requestCount());
            assertEquals(0, posthog.requests().get(0).status());
            assertTrue(posthog.events().isEmpty());
        }
    }

    @Test
    void storeThenDropKeepsTheEventsButNeverAnswers() throws Exception {
        try (FakePostHog posthog = FakePostHog.start(KEY).storeThenDropNext(1)) {
            assertThrows(IOException.class, () -> post(posthog.url(), 5_000));
            assertEquals(1, posthog.events().size(), "stored before the connection was dropped");

            assertEquals(200, post(posthog.url(), 5_000), "then back to normal");
            assertEquals(1, posthog.duplicateUuids().size(), "the client's retry repeats the uuid");
        }
    }

    @Test
    void startsOnAPortThatRefusedBefore() throws Exception {
        int port = FakePostHog.unusedPort();
        assertThrows(IOException.class, () -> post("http://127.0.0.1:" + port, 1_000));
        try (FakePostHog posthog = FakePostHog.start(KEY, port)) {
            assertEquals(200, post(posthog.url(), 5_000));
            assertEquals(port, posthog.port());
            posthog.awaitEventCount(1, Duration.ofSeconds(5));
        }
    }
}
