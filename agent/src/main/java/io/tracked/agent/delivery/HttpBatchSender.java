package io.tracked.agent.delivery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tracked.agent.config.TrackedVersion;
import io.tracked.agent.event.SerializedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Posts one batch to {@code <host>/batch/} and says what became of it; nothing more. No queue, no
 * retry loop and no sleep live here (that is {@link PostHogDelivery}'s job), so a call returns as soon
 * as the server answers or the given timeout passes. Each event's JSON is embedded in the batch as it
 * was written once ({@link SerializedEvent}), never parsed or rebuilt.
 *
 * <p>HttpURLConnection rather than java.net.http: it is already part of every JVM's start-up set,
 * where HttpClient costs some 250 ms of class loading on first use, which a short-lived host would
 * wait for at exit.
 */
final class HttpBatchSender {

  static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  static final int REQUEST_TIMEOUT_MILLIS = 10_000;
  private static final JsonFactory JSON = new JsonFactory();

  private final String apiKey;
  private final URI batchUri;
  private final URL batchUrl;
  private final byte[] head;

  HttpBatchSender(String apiKey, URI host) {
    this.apiKey = apiKey;
    this.batchUri = URI.create(stripSlash(host.toString()) + "/batch/");
    this.batchUrl = toUrl(batchUri);
    this.head = head(apiKey);
  }

  URI uri() {
    return batchUri;
  }

  /**
   * One POST of {@code batch}, waiting at most {@code timeoutMillis} to connect and as long again
   * for the answer. Never throws.
   */
  Outcome post(List<SerializedEvent> batch, int timeoutMillis) {
    HttpURLConnection connection = null;
    try {
      byte[] body = gzippedBody(batch);
      connection = (HttpURLConnection) batchUrl.openConnection();
      connection.setConnectTimeout(Math.max(1, Math.min(CONNECT_TIMEOUT_MILLIS, timeoutMillis)));
      connection.setReadTimeout(Math.max(1, timeoutMillis));
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setUseCaches(false);
      connection.setFixedLengthStreamingMode(body.length);
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setRequestProperty("Content-Encoding", "gzip");
      connection.setRequestProperty("User-Agent", "tracked-agent/" + TrackedVersion.get());
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      long sent = System.nanoTime();
      int status = connection.getResponseCode();
      long answer = (System.nanoTime() - sent) / 1_000_000;
      String retryAfter = connection.getHeaderField("Retry-After");
      drain(connection);
      if (status / 100 == 2) {
        return Outcome.acked(status, answer);
      }
      if (status == 429 || status / 100 == 5 || status == 408) {
        return Outcome.retry(status, retryAfterMillis(retryAfter), "answered " + status, answer);
      }
      return Outcome.rejected(status, answer);
    } catch (IOException | RuntimeException unreachable) {
      // Not acknowledged: the server may or may not have stored it (a cut connection, a timeout), so
      // it is kept; a later attempt carries the same uuids and PostHog can treat them as one.
      if (connection != null) {
        connection.disconnect();
      }
      return Outcome.retry(0, 0, String.valueOf(unreachable), -1);
    }
  }

  /** {@code {"api_key", "batch": [events as written], "sent_at"}}. */
  byte[] body(List<SerializedEvent> batch) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + batch.size() * 512);
    writeBody(batch, bytes);
    return bytes.toByteArray();
  }

  /**
   * Each event's text goes out as its UTF-8 bytes (a plain copy for the usual ASCII text), between a
   * head written once and a tail: passing every event through the generator's {@code writeRawValue}
   * re-encoded it character by character, most of the sending thread's time.
   */
  private void writeBody(List<SerializedEvent> batch, OutputStream out) throws IOException {
    out.write(head);
    for (int i = 0; i < batch.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(batch.get(i).json().getBytes(StandardCharsets.UTF_8));
    }
    // An instant's text is digits, '-', ':', '.', 'T' and 'Z': nothing to escape.
    out.write(("],\"sent_at\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code {"api_key":"...","batch":[}, the key escaped by the generator. */
  private static byte[] head(String apiKey) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (JsonGenerator generator = JSON.createGenerator(bytes)) {
      generator.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT); // the array and object stay open
      generator.writeStartObject();
      generator.writeStringField("api_key", apiKey);
      generator.writeFieldName("batch");
      generator.writeStartArray();
    } catch (IOException impossible) {
      throw new java.io.UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  /** Reads and closes the response so the connection can be reused. */
  private static void drain(HttpURLConnection connection) {
    try (InputStream in = connection.getErrorStream() != null ? connection.getErrorStream()
        : connection.getInputStream()) {
      if (in != null) {
        in.readAllBytes();
      }
    } catch (IOException ignored) {
      // the status is all we need
    }
  }

  /** Retry-After in seconds; an HTTP-date (rare) leaves the pause to our own back-off. */
  static long retryAfterMillis(String header) {
    if (header == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(header.trim())) * 1000;
    } catch (NumberFormatException httpDate) {
      return 0;
    }
  }

  private static String stripSlash(String host) {
    return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
  }

  private static URL toUrl(URI uri) {
    try {
      return uri.toURL();
    } catch (java.net.MalformedURLException | IllegalArgumentException impossible) {
      throw new IllegalArgumentException("not a URL: " + uri, impossible);
    }
  }

  /**
   * The body, gzipped as it is written (no uncompressed copy), at the fastest level: on a batch of
   * 2,000 typical events (800 kB of JSON) level 1 takes 0.9 µs per event and level 6 (the default)
   * 1.8 µs, for 61 kB instead of 54 kB on the wire.
   */
  private byte[] gzippedBody(List<SerializedEvent> batch) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + batch.size() * 48);
    try (FastGzip gzip = new FastGzip(bytes)) {
      writeBody(batch, gzip);
    }
    return bytes.toByteArray();
  }

  /** gzip at {@link Deflater#BEST_SPEED}; {@link GZIPOutputStream} offers no level of its own. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
