package io.tracked.benchmarks.hosts;

import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;

/**
 * The flood: {@code threads} threads call a tracked method {@code calls} times each, as fast as they
 * can (defaults 4 x 2,000,000). Prints the calling loop's wall time ({@code loop-ms}) and, when the
 * Tracked agent runs, how many calls it dropped at its full queue ({@code dropped}), read by
 * reflection from the bridge's sink. Usage: {@code FloodHost [threads] [calls]}.
 */
public final class FloodHost {

  private FloodHost() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
    EarlyWork work = new EarlyWork();
    CountDownLatch start = new CountDownLatch(1);
    long[] sums = new long[threads];
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int index = t;
      workers[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        long sum = 0;
        for (int i = 0; i < calls; i++) {
          sum += work.suggestionSettled((i & 1) == 0, "gpt-4o-mini", 1000 + i);
        }
        sums[index] = sum;
      });
      workers[t].start();
    }
    long begin = System.nanoTime();
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    long loopNanos = System.nanoTime() - begin;
    long total = 0;
    for (long sum : sums) {
      total += sum;
    }
    System.out.println("loop-ms " + loopNanos / 1_000_000.0 + " checksum " + total);
    System.out.println("dropped " + dropped());
  }

  /** The Tracked agent's count of dropped calls, or -1 when it does not run (or says nothing). */
  static long dropped() {
    try {
      Class<?> bridge = Class.forName("io.tracked.agent.bootstrap.TrackedBridge", false, null);
      Field sink = bridge.getDeclaredField("sink");
      sink.setAccessible(true);
      Object dispatcher = sink.get(null);
      return (Long) dispatcher.getClass().getMethod("dropped").invoke(dispatcher);
    } catch (ReflectiveOperationException | RuntimeException absent) {
      return -1;
    }
  }
}
