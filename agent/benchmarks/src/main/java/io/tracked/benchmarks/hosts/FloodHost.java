package io.tracked.benchmarks.hosts;

import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;

/**
 * The flood: {@code threads} threads call a tracked method {@code calls} times each, as fast as they
 * can (defaults 4 x 2,000,000). Prints the calling loop's wall time ({@code loop-ms}); the CPU time
 * the agent's own threads (named {@code tracked-*}) used while the loop ran ({@code agent-cpu-ms},
 * from {@code /proc}, -1 elsewhere), which on a 2-core machine the flooding threads could not use;
 * and, when the Tracked agent runs, how many calls it dropped at its full queue ({@code dropped}),
 * read by reflection from the bridge's sink. Usage: {@code FloodHost [threads] [calls]}.
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
    long agentCpuBefore = agentCpuMillis();
    long begin = System.nanoTime();
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    long loopNanos = System.nanoTime() - begin;
    long agentCpuAfter = agentCpuMillis();
    long total = 0;
    for (long sum : sums) {
      total += sum;
    }
    System.out.println("loop-ms " + loopNanos / 1_000_000.0 + " checksum " + total);
    System.out
        .println("agent-cpu-ms " + (agentCpuBefore < 0 || agentCpuAfter < 0 ? -1 : agentCpuAfter - agentCpuBefore));
    System.out.println("dropped " + dropped());
  }

  /**
   * User+system CPU ms of this process's threads named {@code tracked-*} (the agent's), from
   * {@code /proc/self/task}: in clock ticks, so 10 ms steps. -1 where there is no such directory.
   */
  static long agentCpuMillis() {
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return -1;
    }
    long ticks = 0;
    for (java.io.File task : tasks) {
      try {
        String name = new String(java.nio.file.Files.readAllBytes(new java.io.File(task, "comm").toPath())).trim();
        if (!name.startsWith("tracked-")) {
          continue;
        }
        String stat = new String(java.nio.file.Files.readAllBytes(new java.io.File(task, "stat").toPath()));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime: fields 14 and 15
      } catch (java.io.IOException | RuntimeException gone) {
        // the thread ended meanwhile
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
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
