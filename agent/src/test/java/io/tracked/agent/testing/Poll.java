package io.tracked.agent.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline instead of sleeping a fixed time. */
public final class Poll {

  private Poll() {}

  /** Returns as soon as {@code condition} holds; fails with {@code describe} once {@code timeout} passed. */
  public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("condition not met within " + timeout + ": " + describe.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + describe.get());
      }
    }
  }
}
