package io.tracked.benchmarks.hosts;

import java.util.concurrent.locks.LockSupport;

/**
 * Calls a tracked method at a steady rate ({@code rate} calls per second for {@code seconds}) from
 * one thread, in small batches every millisecond: the end-to-end throughput benchmark's host. Prints
 * {@code calls N}, {@code call-ms} (how long the calling took) and the agent's {@code dropped} count
 * at the end; the agent then delivers what it holds at shutdown.
 * Usage: {@code PacedHost rate seconds}.
 */
public final class PacedHost {

  private PacedHost() {}

  public static void main(String[] args) {
    int rate = Integer.parseInt(args[0]);
    double seconds = Double.parseDouble(args[1]);
    EarlyWork work = new EarlyWork();
    long total = (long) (rate * seconds);
    long begin = System.nanoTime();
    long made = 0;
    long sum = 0;
    while (made < total) {
      long due = Math.min(total, (long) ((System.nanoTime() - begin) / 1e9 * rate) + 1);
      while (made < due) {
        sum += work.suggestionSettled((made & 1) == 0, "gpt-4o-mini", 1000 + made);
        made++;
      }
      LockSupport.parkNanos(1_000_000);
    }
    long callNanos = System.nanoTime() - begin;
    System.out.println("calls " + made + " call-ms " + callNanos / 1_000_000 + " checksum " + sum);
    System.out.println("dropped " + FloodHost.dropped());
  }
}
