package io.tracked.agent.dispatch;

import java.util.concurrent.locks.LockSupport;

/**
 * Keeps the agent's thread out of the way of a host that floods it. A host thread calling a tracked
 * method millions of times a second fills the hand-off in microseconds; from then on its calls are
 * dropped for the price of a read and a counter, but the agent's thread, building the events it did
 * take, would still compete with the host for the CPU (on two cores, one of them). So while calls
 * are being dropped faster than {@link #FLOOD_DROPS_PER_SECOND}, which no paced host reaches (a
 * paced host that outruns the agent drops at most its own call rate), the agent's thread works in
 * slices of {@link #SLICE_NANOS} and pauses {@link #PAUSE_NANOS} after each: at most a tenth of a
 * core. Nothing waiting is lost: the calls stay in the hand-off and are built at full speed as soon
 * as the flood stops.
 */
class FloodBackoff {

  static final long SLICE_NANOS = 2_000_000L;
  static final long PAUSE_NANOS = 18_000_000L;
  static final long FLOOD_DROPS_PER_SECOND = 1_000_000L;
  private static final long NANOS_PER_FLOOD_DROP = 1_000_000_000L / FLOOD_DROPS_PER_SECOND;

  private final Dispatcher dispatcher;
  private long sliceStart = Long.MIN_VALUE;
  private long dropsAtSliceStart;

  FloodBackoff(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** Called on the agent's thread before it takes a call: pauses when a slice ends during a flood. */
  void beforeTake() {
    long now = now();
    if (sliceStart == Long.MIN_VALUE) {
      startSlice(now);
      return;
    }
    long elapsed = now - sliceStart;
    if (elapsed < SLICE_NANOS) {
      return;
    }
    // At least one drop per NANOS_PER_FLOOD_DROP of the slice: without a division that could overflow.
    if (dropped() - dropsAtSliceStart >= elapsed / NANOS_PER_FLOOD_DROP) {
      pause(PAUSE_NANOS);
      now = now();
    }
    startSlice(now);
  }

  private void startSlice(long now) {
    sliceStart = now;
    dropsAtSliceStart = dropped();
  }

  long now() {
    return System.nanoTime();
  }

  long dropped() {
    return dispatcher.dropped();
  }

  void pause(long nanos) {
    LockSupport.parkNanos(this, nanos);
  }
}
