package io.tracked.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request that reached the fake endpoint, whatever it was answered.
 *
 * <p>Every request is kept, rejected ones included, because several promises are about requests rather
 * than events: "no request at all while telemetry is off", "never {@code /flags}", "retried after a
 * 503", "the API key never appears in a body".
 *
 * @param method        HTTP method
 * @param path          the raw path, e.g. {@code /batch/}
 * @param query         the raw query string without {@code ?}, or null
 * @param headers       request headers; lookup is case-insensitive
 * @param body          the body as text after gunzip (UTF-8); a short marker when it could not be kept
 * @param status        the status the fake answered with
 * @param detail        why that status (e.g. "api_key does not match"), "ok" on success
 * @param receivedNanos {@link System#nanoTime()} at arrival, for ordering and spacing assertions
 * @param receivedAt    wall-clock arrival time, for messages and timestamp comparisons
 */
public record CapturedRequest(
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String body,
    int status,
    String detail,
    long receivedNanos,
    Instant receivedAt) {

  /** The first value of the header, or null; the name is case-insensitive. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Whether this request went to one of PostHog's capture routes. */
  public boolean isCapture() {
    return Routes.isCapture(path);
  }

  @Override
  public String toString() {
    return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status + " (" + detail
        + ", " + body.length() + " chars)";
  }
}
