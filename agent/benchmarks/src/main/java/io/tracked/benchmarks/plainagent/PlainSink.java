package io.tracked.benchmarks.plainagent;

import java.util.concurrent.ArrayBlockingQueue;

/** A bounded queue the advice offers to (never blocking) and a daemon thread that drains it. */
public final class PlainSink {

  public static volatile boolean capturing;
  private static final ArrayBlockingQueue<Object[]> QUEUE = new ArrayBlockingQueue<>(4096);

  private PlainSink() {}

  public static void call(Object[] arguments, Object returned) {
    QUEUE.offer(arguments);
  }

  static void start() {
    Thread drainer = new Thread(() -> {
      long taken = 0;
      try {
        while (true) {
          Object[] call = QUEUE.take();
          taken += call.length;
        }
      } catch (InterruptedException stop) {
        Thread.currentThread().interrupt();
      }
    }, "plain-agent-drain");
    drainer.setDaemon(true);
    drainer.start();
    capturing = true;
  }
}
