package io.tracked.testkit;

import java.util.List;

/**
 * Short human-readable accounts of what the fake received, for assertion messages.
 *
 * <p>A failed wait is only debuggable if it says what did arrive; these keep such messages bounded so a
 * flood of events does not bury the point.
 */
final class Describe {

  private static final int MAX_EVENT_CHARS = 400;

  private Describe() {
  }

  static String events(List<CapturedEvent> events, int max) {
    StringBuilder out = new StringBuilder();
    out.append(events.size()).append(" events received");
    if (events.isEmpty()) {
      return out.toString();
    }
    out.append(':');
    int from = Math.max(0, events.size() - max);
    if (from > 0) {
      out.append("\n  ... ").append(from).append(" earlier events omitted");
    }
    for (CapturedEvent event : events.subList(from, events.size())) {
      out.append("\n  ").append(truncate(event.rawJson(), MAX_EVENT_CHARS));
    }
    return out.toString();
  }

  static String lastRequests(List<CapturedRequest> requests, int max) {
    if (requests.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    int from = Math.max(0, requests.size() - max);
    if (from > 0) {
      out.append("... ").append(from).append(" earlier omitted");
    }
    for (CapturedRequest request : requests.subList(from, requests.size())) {
      out.append("\n  ").append(request);
    }
    return out.toString();
  }

  static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
  }
}
