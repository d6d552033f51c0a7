package io.tracked.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The fake's memory: every request and every accepted event, with waiting that needs no fixed sleeps.
 *
 * <p>The product sends asynchronously, so tests must wait for an outcome; fixed sleeps make them both
 * slow and flaky. Waiters block on this log's monitor and are woken on each arrival (with a short poll
 * as a safety net), and a timeout fails with what did arrive, which is what one needs to debug it.
 */
final class CaptureLog {

  private static final long POLL_MILLIS = 25;

  private final Object lock = new Object();
  private final List<CapturedRequest> requests = new ArrayList<>();
  private final List<CapturedEvent> events = new ArrayList<>();
  private long lastArrivalNanos = System.nanoTime();

  void arrived(long nanos) {
    synchronized (lock) {
      lastArrivalNanos = Math.max(lastArrivalNanos, nanos);
      lock.notifyAll();
    }
  }

  void record(CapturedRequest request, List<CapturedEvent> accepted) {
    synchronized (lock) {
      requests.add(request);
      events.addAll(accepted);
      lastArrivalNanos = Math.max(lastArrivalNanos, request.receivedNanos());
      lock.notifyAll();
    }
  }

  void clear() {
    synchronized (lock) {
      requests.clear();
      events.clear();
      lock.notifyAll();
    }
  }

  List<CapturedRequest> requests() {
    synchronized (lock) {
      return List.copyOf(requests);
    }
  }

  List<CapturedEvent> events() {
    synchronized (lock) {
      return List.copyOf(events);
    }
  }

  long lastArrivalNanos() {
    synchronized (lock) {
      return lastArrivalNanos;
    }
  }

  /** Polls {@code snapshot} until {@code condition} holds, else fails with {@code describe}'s account. */
  <T> T await(java.util.function.Supplier<T> snapshot, Predicate<? super T> condition, Duration timeout,
      Function<T, String> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = snapshot.get();
      if (condition.test(value)) {
        return value;
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new AssertionError("Timed out after " + timeout.toMillis() + " ms. " + describe.apply(value));
      }
      pause(Math.min(POLL_MILLIS, Math.max(1, remaining / 1_000_000)));
    }
  }

  /** Returns once nothing arrived for {@code quietFor}; fails if that never happens within timeout. */
  List<CapturedRequest> awaitQuiet(Duration quietFor, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      long now = System.nanoTime();
      long quietSince = Math.max(start, lastArrivalNanos());
      if (now - quietSince >= quietFor.toNanos()) {
        return requests();
      }
      if (now - deadline >= 0) {
        List<CapturedRequest> seen = requests();
        throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for "
            + quietFor.toMillis() + " ms without requests; " + seen.size()
            + " requests so far, latest: " + Describe.lastRequests(seen, 5));
      }
      long untilQuiet = (quietSince + quietFor.toNanos() - now) / 1_000_000;
      pause(Math.max(1, Math.min(POLL_MILLIS, untilQuiet)));
    }
  }

  private void pause(long millis) {
    synchronized (lock) {
      try {
        lock.wait(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting", e);
      }
    }
  }
}
