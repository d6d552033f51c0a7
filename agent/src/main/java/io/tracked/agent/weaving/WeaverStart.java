package io.tracked.agent.weaving;

import io.tracked.agent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Builds Byte Buddy's transformer once, on the daemon thread {@code tracked-init}, when first asked:
 * at premain when the weave cache is cold (so the host's start overlaps it, as before the cache), or
 * at the first class the cache cannot serve (that class then waits for it, as the host's earliest
 * classes always did). A start served wholly from the cache never builds it.
 */
public final class WeaverStart implements Runnable {

  private final Supplier<ClassFileTransformer> build;
  private final Runnable afterwards;
  private final CompletableFuture<ClassFileTransformer> ready = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();

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
    if (started.compareAndSet(false, true)) {
      Thread builder = new Thread(this, "tracked-init");
      builder.setDaemon(true);
      builder.start();
    }
  }

  public boolean started() {
    return started.get();
  }

  /** Byte Buddy's transformer, starting its build if needed and waiting for it at most {@code seconds}. */
  ClassFileTransformer get(long seconds) throws Exception {
    start();
    return ready.get(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void run() {
    try {
      ready.complete(build.get());
    } catch (Throwable failure) {
      ready.completeExceptionally(failure);
      AgentLog.info("the weaver could not be built (" + failure + "); no method is tracked in this run");
      return;
    }
    try {
      afterwards.run();
    } catch (RuntimeException ignored) {
      // housekeeping only
    }
  }
}
