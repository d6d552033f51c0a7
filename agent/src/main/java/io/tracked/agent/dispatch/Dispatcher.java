package io.tracked.agent.dispatch;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.weaving.MethodBindings;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Where woven code hands over each call. It runs on the host's thread, so it does the least possible:
 * ask the consent gate, take the time, and put the method's number and the call's values into a
 * preallocated ring ({@link HandoffRing}). It never takes a lock, never allocates, and never wakes the
 * agent's thread (which drains the ring on its own schedule), so a host thread is never blocked or
 * descheduled by a tracked call. Everything else (finding the binding, the {@code onException}
 * filter) happens in {@link #poll()}, on the agent's thread.
 *
 * <p>When the ring is full, the call is dropped and the bridge is told ({@link TrackedBridge#handoffFull}):
 * from then on a call costs the host one volatile read and a per-thread counter as it begins, and builds
 * nothing. The agent's thread lifts the mark once it has drained the ring to half
 * ({@link #REOPEN_AT}): a flood then alternates between dropping cheaply and refilling half a ring,
 * instead of every freed slot being raced for by every flooding thread. The host is never slowed
 * down to save an event. The pipeline reports the drops, off the host's thread.
 */
public final class Dispatcher implements TrackedBridge.Sink {

  /** 8192 calls: 80 ms of calls at 100,000 calls/s, longer than the agent's thread ever sleeps. */
  public static final int CAPACITY = 8192;

  /** The ring's fill below which the full mark is lifted. */
  static final int REOPEN_AT = CAPACITY / 2;

  private static final int IN_FLIGHT_WAITS = 200;
  private static final long IN_FLIGHT_WAIT_NANOS = 50_000;

  private final MethodBindings bindings;
  private final ConsentGate gate;
  private final HandoffRing ring = new HandoffRing(CAPACITY);
  private final LongAdder dropped = new LongAdder();
  /** The bridge's own count of calls it dropped before this dispatcher existed (another test's, say). */
  private final long droppedByBridgeBefore = TrackedBridge.droppedWhileFull();

  private final HostSwitch hostSwitch;

  public Dispatcher(MethodBindings bindings, ConsentGate gate, HostSwitch hostSwitch) {
    this.bindings = bindings;
    this.gate = gate;
    this.hostSwitch = hostSwitch;
  }

  @Override
  public void onSwitch(int switchId, Object value) {
    String method = bindings.switchMethod(switchId);
    if (method != null && value instanceof Boolean) {
      hostSwitch.report((Boolean) value, method);
    }
  }

  @Override
  public void onCall(int methodId, Object[] arguments, Object returned, Throwable thrown) {
    if (!gate.allowsCapture()) {
      return;
    }
    String exceptionType = thrown == null ? null : thrown.getClass().getName();
    if (!ring.offer(methodId, arguments, returned, exceptionType, System.currentTimeMillis())) {
      dropped.increment();
      TrackedBridge.handoffFull(this); // the next calls are dropped as they begin, before building anything
    }
  }

  /**
   * The oldest waiting call of a known method that is to be reported (a call that threw only when its
   * binding says {@code onException}), or {@code null}. Called on the agent's thread.
   */
  public CapturedCall poll() {
    while (true) {
      CapturedCall call = take();
      if (call == null) {
        return null;
      }
      EventBinding binding = call.binding();
      if (binding != null && (call.exceptionType() == null || binding.onException())) {
        return call;
      }
    }
  }

  private CapturedCall take() {
    CapturedCall call = ring.poll(bindings);
    // Empty, or a host thread has claimed the next slot and not yet published it (on a busy machine
    // it may be descheduled in between): in the second case wait for it a little, here, rather than
    // let the agent's thread sleep a whole drain interval while calls pile up behind that slot.
    for (int waits = 0; call == null && ring.size() > 0 && waits < IN_FLIGHT_WAITS; waits++) {
      LockSupport.parkNanos(IN_FLIGHT_WAIT_NANOS);
      call = ring.poll(bindings);
    }
    if (ring.size() <= REOPEN_AT && TrackedBridge.handoffMarkedFull()) {
      TrackedBridge.handoffDrained(this);
    }
    return call;
  }

  /** Forgets every call not yet turned into an event: used when consent turns off. */
  public int discardPending() {
    int discarded = 0;
    while (poll() != null) {
      discarded++;
    }
    return discarded;
  }

  public int pending() {
    return ring.size();
  }

  /** Calls dropped because the ring was full, since the start: here, or by the bridge while marked full. */
  public long dropped() {
    return dropped.sum() + TrackedBridge.droppedWhileFull() - droppedByBridgeBefore;
  }
}
