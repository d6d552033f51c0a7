package io.tracked.benchmarks;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.locks.LockSupport;

/**
 * Looks at the running agent from the benchmark's side, by reflection only, so that nothing of the
 * agent but the sanitizer is on the benchmarks' class path (see pom.xml). Used outside measurements:
 * to check that a fork really runs with the agent in the intended consent state, and to wait until
 * the agent's queue is empty.
 *
 * <p>{@code TrackedBridge} lives in the bootstrap class loader (the agent injects it there), so it is
 * looked up with a {@code null} loader; its {@code sink} is the agent's {@code Dispatcher}.
 */
final class AgentProbe {

  static final String BRIDGE = "io.tracked.agent.bootstrap.TrackedBridge";
  static final String EVENTS_THREAD = "tracked-events";

  private final Method capturing;
  private final Object dispatcher;
  private final Method pending;
  private final Method dropped;
  private Thread eventsThread;

  private AgentProbe(Method capturing, Object dispatcher, Method pending, Method dropped) {
    this.capturing = capturing;
    this.dispatcher = dispatcher;
    this.pending = pending;
    this.dropped = dropped;
  }

  /** Whether the Tracked agent started in this JVM. */
  static boolean agentLoaded() {
    try {
      Class.forName(BRIDGE, false, null);
      return true;
    } catch (ClassNotFoundException absent) {
      return false;
    }
  }

  static AgentProbe connect() {
    if (!agentLoaded()) {
      throw new IllegalStateException("the Tracked agent is not running in this fork: expected -javaagent:"
          + BenchmarkPaths.AGENT_JAR + " (build it with: mvn -B package -DskipTests)");
    }
    try {
      Class<?> bridge = Class.forName(BRIDGE, false, null);
      Field sink = bridge.getDeclaredField("sink");
      sink.setAccessible(true);
      Object dispatcher = sink.get(null);
      if (dispatcher == null) {
        throw new IllegalStateException("the Tracked agent is loaded but installed no dispatcher; see its stderr");
      }
      return new AgentProbe(bridge.getMethod("capturing"), dispatcher,
          dispatcher.getClass().getMethod("pending"), dispatcher.getClass().getMethod("dropped"));
    } catch (ReflectiveOperationException changed) {
      throw new IllegalStateException("the agent's internals changed; update AgentProbe: " + changed, changed);
    }
  }

  boolean capturing() {
    return (Boolean) invoke(capturing);
  }

  int pending() {
    return (Integer) invoke(pending);
  }

  long dropped() {
    return (Long) invoke(dropped);
  }

  /** Waits until the advice's fast-path flag has the expected value (consent is re-read every second). */
  void awaitCapturing(boolean expected, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (capturing() != expected) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("TrackedBridge.capturing() stayed " + !expected + " for " + timeoutMillis
            + " ms; is DO_NOT_TRACK set in the environment, or the config under " + BenchmarkPaths.SCRATCH
            + " not what the benchmark wrote?");
      }
      LockSupport.parkNanos(10_000_000);
    }
  }

  /**
   * Waits until the queue is empty and the agent's event thread is parked waiting for the next
   * call, the state a host finds at the typical, human-paced call of a tracked method.
   */
  void awaitIdle(long timeoutMillis) {
    Thread events = eventsThread();
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (pending() > 0 || events.getState() != Thread.State.TIMED_WAITING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the agent's queue did not drain within " + timeoutMillis + " ms (pending "
            + pending() + ", " + EVENTS_THREAD + " " + events.getState() + ")");
      }
      LockSupport.parkNanos(50_000);
    }
  }

  private Thread eventsThread() {
    if (eventsThread == null) {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (EVENTS_THREAD.equals(thread.getName())) {
          eventsThread = thread;
        }
      }
      if (eventsThread == null) {
        throw new IllegalStateException("no '" + EVENTS_THREAD + "' thread: the agent's pipeline did not start");
      }
    }
    return eventsThread;
  }

  private Object invoke(Method method) {
    try {
      return method.invoke(method == capturing ? null : dispatcher);
    } catch (ReflectiveOperationException broken) {
      throw new IllegalStateException("cannot call " + method + ": " + broken, broken);
    }
  }
}
