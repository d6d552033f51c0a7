package io.tracked.agent.weaving;

import io.tracked.agent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Builds Byte Buddy's transformer once, on the daemon thread {@code tracked-init}, when first asked:
 * at premain when the weave cache is cold (so the host's start overlaps it, as before the cache), or
 * at the first class the cache cannot serve (that class then waits for it, as the host's earliest
 * classes always did). A start served wholly from the cache never builds it. A plain monitor, not a
 * {@code CompletableFuture}: that one sets up the common fork-join pool, which a start served from
 * the cache has no use for.
 */
public final class WeaverStart implements Runnable {

  private final Supplier<ClassFileTransformer> build;
  private final Runnable afterwards;
  private boolean started; // guarded by this
  private boolean done; // guarded by this
  private ClassFileTransformer transformer; // guarded by this
  private Throwable failure; // guarded by this

  /**
   * @param build makes Byte Buddy's transformer (slow: hundreds of ms)
   * @param afterwards runs on the same thread once it is built (the cache's housekeeping)
   */
  public WeaverStart(Supplier<ClassFileTransformer> build, Runnable afterwards) {
    this.build = build;
    this.afterwards = afterwards;
  }

  /** Starts building, unless already started. */
  public void start() {
    synchronized (this) {
      if (started) {
        return;
      }
      started = true;
    }
    Thread builder = new Thread(this, "tracked-init");
    builder.setDaemon(true);
    builder.start();
  }

  public synchronized boolean started() {
    return started;
  }

  /** Byte Buddy's transformer, starting its build if needed and waiting for it at most {@code seconds}. */
  ClassFileTransformer get(long seconds) throws Exception {
    start();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    synchronized (this) {
      while (!done) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException();
        }
        wait(left / 1_000_000 + 1);
      }
      if (failure != null) {
        throw new IllegalStateException("the weaver could not be built", failure);
      }
      return transformer;
    }
  }

  @Override
  public void run() {
    ClassFileTransformer built = null;
    Throwable failed = null;
    try {
      built = build.get();
    } catch (Throwable buildFailed) {
      failed = buildFailed;
      AgentLog.info("the weaver could not be built (" + buildFailed + "); no method is tracked in this run");
    }
    synchronized (this) {
      transformer = built;
      failure = failed;
      done = true;
      notifyAll();
    }
    if (failed == null) {
      try {
        afterwards.run();
      } catch (RuntimeException ignored) {
        // housekeeping only
      }
    }
  }
}
