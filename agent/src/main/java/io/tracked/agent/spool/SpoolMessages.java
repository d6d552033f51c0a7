package io.tracked.agent.spool;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The spool's voice. A problem with a path is one line, once, naming the path and the fix, with the
 * number of records it cost. Drops are counted by reason; the counts not yet reported are printed at
 * most once a minute (and at close), so over a run the lines add up to the true number.
 */
final class SpoolMessages {

  static final long REPORT_INTERVAL_MILLIS = 60_000;

  private final Consumer<String> out;
  private final SpoolBounds bounds;
  private final LongSupplier clock;
  private final Set<String> shownProblems = new HashSet<>();
  private final Map<DropReason, Long> pending = new EnumMap<>(DropReason.class);
  private final Map<DropReason, Long> totals = new EnumMap<>(DropReason.class);
  private long lastReport = Long.MIN_VALUE;

  SpoolMessages(Consumer<String> out, LongSupplier clock, SpoolBounds bounds) {
    this.out = out;
    this.bounds = bounds;
    this.clock = clock;
  }

  /** Says {@code text} once per {@code key} (until {@link #solved}). */
  synchronized void problem(String key, String text) {
    if (shownProblems.add(key)) {
      say(text);
    }
  }

  synchronized void solved(String key) {
    shownProblems.remove(key);
  }

  /**
   * Counts {@code count} records dropped; when {@code problemKey} is new, says {@code problemText}
   * with the count in one line, otherwise adds them to the next periodic count.
   */
  synchronized void dropped(DropReason reason, long count, String problemKey, String problemText) {
    if (count <= 0) {
      return;
    }
    totals.merge(reason, count, Long::sum);
    if (problemKey != null && shownProblems.add(problemKey)) {
      say(problemText.replace("{n}", count(count)));
      lastReport = clock.getAsLong(); // later drops wait for the next periodic line
      return;
    }
    pending.merge(reason, count, Long::sum);
    long now = clock.getAsLong();
    if (lastReport == Long.MIN_VALUE || now - lastReport >= REPORT_INTERVAL_MILLIS) {
      flush();
    }
  }

  synchronized void dropped(DropReason reason, long count) {
    dropped(reason, count, null, null);
  }

  /** Prints the drops not yet reported, if any. */
  synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    long sum = 0;
    StringBuilder parts = new StringBuilder();
    for (Map.Entry<DropReason, Long> entry : pending.entrySet()) {
      sum += entry.getValue();
      parts.append(parts.length() == 0 ? "" : ", ").append(entry.getValue()).append(' ').append(entry.getKey().text(bounds));
    }
    pending.clear();
    lastReport = clock.getAsLong();
    say("spool: dropped " + count(sum) + " PostHog had not acknowledged (" + parts + ")");
  }

  synchronized long total(DropReason reason) {
    return totals.getOrDefault(reason, 0L);
  }

  private void say(String text) {
    try {
      out.accept(text);
    } catch (RuntimeException ignored) {
      // the agent's voice failing must never fail the caller
    }
  }

  static String count(long n) {
    return n == 1 ? "1 event" : n + " events";
  }
}
