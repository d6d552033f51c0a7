package io.tracked.agent.delivery;

import io.tracked.agent.log.DropCounter;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link DropCounter} per status PostHog refused batches with, so every refused event is counted. */
final class RejectedCounters {

  private final URI uri;
  private final Map<Integer, DropCounter> byStatus = new ConcurrentHashMap<>();

  RejectedCounters(URI uri) {
    this.uri = uri;
  }

  void add(int status, int events) {
    byStatus.computeIfAbsent(status, this::counter).add(events);
  }

  long total() {
    return byStatus.values().stream().mapToLong(DropCounter::total).sum();
  }

  void flush() {
    byStatus.values().forEach(DropCounter::flush);
  }

  private DropCounter counter(int status) {
    String fix = status == 401 || status == 403 ? "check posthog.apiKey"
        : status == 413 ? "report this: a batch was too large" : "check posthog.apiKey and posthog.host";
    return new DropCounter(
        n -> "PostHog at " + uri + " refused " + n + " events with status " + status + "; they are dropped. Fix: " + fix,
        n -> "PostHog at " + uri + " refused " + n + " more events with status " + status + "; they are dropped");
  }
}
