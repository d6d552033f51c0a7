package io.tracked.agent.delivery;

import com.posthog.java.QueueManager;
import com.posthog.java.Sender;
import com.posthog.java.shaded.org.json.JSONArray;
import com.posthog.java.shaded.org.json.JSONObject;
import io.tracked.agent.config.TrackedVersion;
import io.tracked.agent.log.AgentLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * posthog-java's {@link Sender}, replaced: its own HttpSender prints to {@code System.out}, sleeps
 * up to 20 s in blocking retries and ignores consent. This one posts gzip batches to
 * {@code /batch/} with the JDK's HttpURLConnection (short timeouts), asks for consent
 * before every request, and never sleeps in retries: a batch that fails for a reason worth retrying
 * goes back into posthog-java's queue and is tried again after a growing pause (held batches wait
 * 100 ms per round so the queue thread does not spin). When the host exits, whatever
 * cannot be delivered in one quick attempt is handed to {@code spill} rather than lost.
 */
public final class HttpBatchSender implements Sender {

  static final int MAX_HELD_EVENTS = 10_000;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CLOSING_TIMEOUT = Duration.ofMillis(1500);
  private static final long MAX_BACKOFF_MILLIS = 60_000;
  private static final long BACKOFF_PAUSE_MILLIS = 100;

  private final String apiKey;
  private final URI batchUri;
  private final BooleanSupplier sendingAllowed;
  private final Consumer<List<String>> spill;
  private final URL batchUrl;
  private volatile QueueManager queue;
  private volatile boolean closing;
  private long backoffMillis;
  private long retryAfterEpochMillis;

  public HttpBatchSender(String apiKey, URI host, BooleanSupplier sendingAllowed, Consumer<List<String>> spill) {
    this.apiKey = apiKey;
    this.batchUri = URI.create(host.toString() + "/batch/");
    this.sendingAllowed = sendingAllowed;
    this.spill = spill;
    this.batchUrl = toUrl(batchUri);
  }

  /** The queue that failed batches go back to; set once the queue exists (it needs this sender first). */
  void retryThrough(QueueManager queueManager) {
    this.queue = queueManager;
  }

  /** From now on: one quick attempt per batch, and what fails is spilled instead of retried. */
  void startClosing() {
    closing = true;
  }

  @Override
  public synchronized Boolean send(List<JSONObject> events) {
    if (events == null || events.isEmpty()) {
      return true;
    }
    if (!sendingAllowed.getAsBoolean()) {
      return true; // consent withdrawn: what was pending is discarded, not sent later
    }
    if (!closing && System.currentTimeMillis() < retryAfterEpochMillis) {
      pauseDuringBackOff();
      return hold(events);
    }
    try {
      HttpURLConnection connection = post(events);
      int status = connection.getResponseCode();
      String retryAfter = connection.getHeaderField("Retry-After");
      drain(connection);
      if (status / 100 == 2) {
        backoffMillis = 0;
        retryAfterEpochMillis = 0;
        AgentLog.clear("posthog-unreachable");
        return true;
      }
      if (status == 429 || status / 100 == 5) {
        AgentLog.once("posthog-status-" + status, "PostHog at " + batchUri.getHost() + " answered " + status
            + "; events are kept and retried later");
        backOff(retryAfter);
        return hold(events);
      }
      AgentLog.once("posthog-status-" + status, "PostHog at " + batchUri + " rejected " + events.size()
          + " events with status " + status + (status == 401 ? "; check posthog.apiKey" : "")
          + "; they are dropped. Fix: check posthog.apiKey and posthog.host");
      return true;
    } catch (IOException unreachable) {
      AgentLog.once("posthog-unreachable", "cannot reach PostHog at " + batchUri + " (" + unreachable
          + "); events are kept and retried. Fix: check posthog.host and the network");
      backOff(null);
      return hold(events);
    } catch (RuntimeException broken) {
      AgentLog.once("posthog-send", "sending to PostHog failed: " + broken + "; those events are dropped");
      return true;
    }
  }

  /**
   * One POST of the batch. HttpURLConnection rather than java.net.http: it is already part of every
   * JVM's start-up set, where HttpClient costs some 250 ms of class loading on first use, which a
   * short-lived host would wait for at exit.
   */
  private HttpURLConnection post(List<JSONObject> events) throws IOException {
    JSONObject body = new JSONObject();
    body.put("api_key", apiKey);
    body.put("batch", new JSONArray(events));
    body.put("sent_at", Instant.now().toString());
    byte[] gzipped = gzip(body.toString());
    HttpURLConnection connection = (HttpURLConnection) batchUrl.openConnection();
    connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
    connection.setReadTimeout((int) (closing ? CLOSING_TIMEOUT : REQUEST_TIMEOUT).toMillis());
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setUseCaches(false);
    connection.setFixedLengthStreamingMode(gzipped.length);
    connection.setRequestProperty("Content-Type", "application/json");
    connection.setRequestProperty("Content-Encoding", "gzip");
    connection.setRequestProperty("User-Agent", "tracked-agent/" + TrackedVersion.get());
    try (OutputStream out = connection.getOutputStream()) {
      out.write(gzipped);
    }
    return connection;
  }

  /** Reads and closes the response so the connection can be reused. */
  private static void drain(HttpURLConnection connection) {
    try (InputStream in = connection.getErrorStream() != null ? connection.getErrorStream() : connection.getInputStream()) {
      if (in != null) {
        in.readAllBytes();
      }
    } catch (IOException ignored) {
      // the status is all we need
    }
  }

  private static URL toUrl(URI uri) {
    try {
      return uri.toURL();
    } catch (java.net.MalformedURLException impossible) {
      throw new IllegalArgumentException("not a URL: " + uri, impossible);
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 4 + 64);
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private void backOff(String retryAfterSeconds) {
    backoffMillis = backoffMillis == 0 ? 1000 : Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
    long wait = backoffMillis;
    if (retryAfterSeconds != null) {
      try {
        wait = Math.min(MAX_BACKOFF_MILLIS, Math.max(wait, Long.parseLong(retryAfterSeconds.trim()) * 1000));
      } catch (NumberFormatException httpDate) {
        // an HTTP-date Retry-After: our own backoff is close enough
      }
    }
    retryAfterEpochMillis = System.currentTimeMillis() + wait;
  }

  /**
   * posthog-java's queue thread flushes again at once whenever a full batch is queued, so a batch held
   * during the back-off would come straight back: a short pause (the queue's own poll interval) keeps
   * that thread from spinning a CPU for the whole back-off.
   */
  private void pauseDuringBackOff() {
    long wait = Math.min(BACKOFF_PAUSE_MILLIS, retryAfterEpochMillis - System.currentTimeMillis());
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Puts the batch back for a later attempt, or spills it when the host is exiting. */
  private boolean hold(List<JSONObject> events) {
    QueueManager target = queue;
    if (closing || target == null) {
      List<String> lines = new ArrayList<>(events.size());
      for (JSONObject event : events) {
        lines.add(event.toString());
      }
      spill.accept(lines);
      return false;
    }
    if (target.queueSize() + events.size() > MAX_HELD_EVENTS) {
      AgentLog.once("posthog-held-full", "more than " + MAX_HELD_EVENTS
          + " events are waiting for PostHog; the oldest undeliverable batch is dropped");
      return false;
    }
    for (JSONObject event : events) {
      target.add(event);
    }
    return false;
  }

  /** Feature flags are never requested: the agent only captures. */
  @Override
  public JSONObject post(String route, String distinctId) {
    return new JSONObject();
  }
}
