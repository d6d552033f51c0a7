package io.tracked.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A PostHog capture endpoint on loopback that only counts, for the throughput benchmark: the testkit's
 * {@code FakePostHog} builds a databind tree and a record of every event (and keeps them all), which
 * costs more CPU per event than the agent itself, on the same two cores; at 50,000 events/s the
 * benchmark then measured the fake. This one reads each batch as PostHog's capture service does,
 * streaming: gzip by header or magic bytes, one {@code api_key} that must match, a {@code batch} array
 * whose events each carry {@code event}, {@code distinct_id}, {@code properties}, {@code timestamp} and
 * {@code uuid}, and answers 200 only when all are there (400 or 401 otherwise, nothing counted). It
 * counts accepted events and the uuids it saw more than once (an event delivered twice).
 */
final class CountingPostHog implements AutoCloseable {

  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] OK = "{\"status\":1}".getBytes(StandardCharsets.UTF_8);

  private final String apiKey;
  private final HttpServer server;
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Set<String> uuids = new HashSet<>();
  private long duplicates;

  CountingPostHog(String apiKey) throws IOException {
    this.apiKey = apiKey;
    // One answer per write (see ThroughputBenchmark): set before the first HttpServer of this JVM.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
    server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "counting-posthog");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  long events() {
    return events.get();
  }

  long refused() {
    return refused.get();
  }

  synchronized long duplicates() {
    return duplicates;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      int status;
      if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().startsWith("/batch")) {
        status = 404;
      } else {
        status = read(exchange);
      }
      byte[] body = status == 200 ? OK : ("{\"code\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Reads one batch; 200 after counting its events, or the status PostHog would give. */
  private int read(HttpExchange exchange) throws IOException {
    InputStream in = new java.io.BufferedInputStream(exchange.getRequestBody(), 64 * 1024);
    in.mark(2);
    boolean gzip = in.read() == 0x1f & in.read() == 0x8b;
    in.reset();
    if (gzip || "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in, 64 * 1024);
    }
    String key = null;
    Set<String> batch = new HashSet<>();
    try (JsonParser parser = JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return 400;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("api_key")) {
          key = parser.getText();
        } else if (field.equals("batch") && value == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            String uuid = event(parser);
            if (uuid == null) {
              return 400;
            }
            batch.add(uuid);
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (IOException notJson) {
      return 400;
    }
    if (!apiKey.equals(key)) {
      refused.addAndGet(batch.size());
      return 401;
    }
    if (batch.isEmpty()) {
      return 400;
    }
    synchronized (this) {
      for (String uuid : batch) {
        if (!uuids.add(uuid)) {
          duplicates++;
        }
      }
    }
    events.addAndGet(batch.size());
    return 200;
  }

  /** One event object, the parser on its start; its uuid, or null when a required field is missing. */
  private static String event(JsonParser parser) throws IOException {
    String uuid = null;
    int required = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "uuid" -> {
          uuid = parser.getText();
          required++;
        }
        case "event", "distinct_id", "timestamp" -> required += value == JsonToken.VALUE_STRING ? 1 : 0;
        case "properties" -> {
          required += value == JsonToken.START_OBJECT ? 1 : 0;
          parser.skipChildren();
        }
        default -> parser.skipChildren();
      }
    }
    return required == 5 ? uuid : null;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
