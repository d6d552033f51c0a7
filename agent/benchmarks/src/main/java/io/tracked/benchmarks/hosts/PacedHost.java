package io.tracked.benchmarks.hosts;

import java.lang.reflect.Field;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * Calls a tracked method at a steady rate ({@code rate} calls per second for {@code seconds}) from
 * one thread, in small batches every millisecond: the end-to-end throughput benchmark's host. Prints
 * {@code calls N}, {@code call-ms} (how long the calling took) and the agent's {@code dropped} count
 * at the end; the agent then delivers what it holds at shutdown.
 *
 * <p>It then waits (at most 10 s) until the agent's hand-off ring is empty and prints, for each of the
 * agent's threads ({@code tracked-events}, which builds, sanitizes and serializes every event, and
 * {@code tracked-delivery}, which batches, compresses and posts them), the CPU time and the bytes it
 * allocated since it started ({@code agent-thread NAME cpu-ns N alloc-bytes M calls C dropped D}), so the
 * benchmark can say what one event costs the agent, measured in the process that did the work; in runs
 * longer than 1.5 s, the same after the first second ({@code warm ...}), when the agent's code is
 * compiled, so the cost in steady state can be told from the start-up's.
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
    long warm = seconds > 1.5 ? rate : -1; // the calls of the first second
    while (made < total) {
      if (made >= warm && warm >= 0) {
        // The first second warms the agent's code up (interpreted, then compiled): what the agent's
        // threads spent until here is printed too, so steady-state costs can be told apart.
        printAgentThreads("warm", made, agentCount("dropped"));
        warm = -1;
      }
      long due = Math.min(total, (long) ((System.nanoTime() - begin) / 1e9 * rate) + 1);
      while (made < due) {
        sum += work.suggestionSettled((made & 1) == 0, "gpt-4o-mini", 1000 + made);
        made++;
      }
      LockSupport.parkNanos(1_000_000);
    }
    long callNanos = System.nanoTime() - begin;
    System.out.println("calls " + made + " call-ms " + callNanos / 1_000_000 + " checksum " + sum);
    System.out.println("dropped " + agentCount("dropped"));
    awaitHandoffEmpty(System.nanoTime() + 10_000_000_000L);
    printAgentThreads("agent-thread", made, agentCount("dropped"));
  }

  private static void awaitHandoffEmpty(long deadline) {
    while (agentCount("pending") > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(10_000_000);
    }
  }

  /** {@code PREFIX NAME cpu-ns N alloc-bytes M calls C dropped D} for each of the agent's threads. */
  private static void printAgentThreads(String prefix, long calls, long dropped) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      return;
    }
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("tracked-")) {
        long cpu = threads.getThreadCpuTime(thread.getId());
        long bytes = threads instanceof com.sun.management.ThreadMXBean
            ? ((com.sun.management.ThreadMXBean) threads).getThreadAllocatedBytes(thread.getId()) : -1;
        System.out.println(prefix + " " + thread.getName() + " cpu-ns " + cpu + " alloc-bytes " + bytes + " calls "
            + calls + " dropped " + dropped);
      }
    }
  }

  /**
   * A count the Tracked agent's dispatcher keeps ({@code dropped}, {@code pending}), read by reflection
   * from the bridge's sink; -1 when the agent does not run (or has no such count).
   */
  private static long agentCount(String name) {
    try {
      Class<?> bridge = Class.forName("io.tracked.agent.bootstrap.TrackedBridge", false, null);
      Field sink = bridge.getDeclaredField("sink");
      sink.setAccessible(true);
      Object dispatcher = sink.get(null);
      return ((Number) dispatcher.getClass().getMethod(name).invoke(dispatcher)).longValue();
    } catch (ReflectiveOperationException | RuntimeException absent) {
      return -1;
    }
  }
}
