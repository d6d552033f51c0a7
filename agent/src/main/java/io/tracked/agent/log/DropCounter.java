package io.tracked.agent.log;

import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Counts events dropped for one reason and says the true number (never on a host thread: it prints): a line at the first drop, then at
 * most one a minute with the count since the last line, and a last one at exit. The lines of one
 * counter add up to every event it dropped, without flooding stderr.
 */
public final class DropCounter {

  private static final long REPORT_EVERY_MILLIS = 60_000;

  private final Consumer<String> out;
  private final LongFunction<String> first;
  private final LongFunction<String> more;
  private long unreported;
  private long total;
  private long lastReport;
  private boolean reported;

  /**
   * @param first the line for the first drops, given their number
   * @param more the line for drops since the last line, given their number
   */
  public DropCounter(LongFunction<String> first, LongFunction<String> more) {
    this(first, more, AgentLog::info);
  }

  DropCounter(LongFunction<String> first, LongFunction<String> more, Consumer<String> out) {
    this.out = out;
    this.first = first;
    this.more = more;
  }

  public synchronized void add(long count) {
    if (count <= 0) {
      return;
    }
    unreported += count;
    total += count;
    long now = System.currentTimeMillis();
    if (!reported || now - lastReport >= REPORT_EVERY_MILLIS) {
      report(now);
    }
  }

  /** Reports what was dropped since the last line, if anything: at exit. */
  public synchronized void flush() {
    if (unreported > 0) {
      report(System.currentTimeMillis());
    }
  }

  public synchronized long total() {
    return total;
  }

  private void report(long now) {
    out.accept((reported ? more : first).apply(unreported));
    reported = true;
    unreported = 0;
    lastReport = now;
  }
}
