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
 * find the binding, ask the consent gate, and put the call into a preallocated ring
 * ({@link HandoffRing}). It never takes a lock, never allocates, and never wakes the agent's thread
 * (which drains the ring on its own schedule), so a host thread is never blocked or descheduled by a
 * tracked call. The advice asks {@link #hasRoom()} before it builds the argument array: when the ring
 * is full the call costs the host two reads and a striped counter ({@link LongAdder}, so flooding
 * threads do not contend on one cache line), and is dropped; the host is never slowed down to save an
 * event. The pipeline reports the drops, off the host's thread.
 */
public final class Dispatcher implements TrackedBridge.Sink {

  /** 8192 calls: 80 ms of calls at 100,000 calls/s, longer than the agent's thread ever sleeps. */
  public static final int CAPACITY = 8192;

  private static final int IN_FLIGHT_WAITS = 200;
  private static final long IN_FLIGHT_WAIT_NANOS = 50_000;

  private final MethodBindings bindings;
  private final ConsentGate gate;
  private final HandoffRing ring = new HandoffRing(CAPACITY);
  private final LongAdder dropped = new LongAdder();

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
  public boolean hasRoom() {
    if (ring.hasRoom()) {
      return true;
    }
    dropped.increment();
    return false;
  }

  @Override
  public void onCall(int methodId, Object[] arguments, Object returned, Throwable thrown) {
    EventBinding binding = bindings.get(methodId);
    if (binding == null || (thrown != null && !binding.onException()) || !gate.allowsCapture()) {
      return;
    }
    String exceptionType = thrown == null ? null : thrown.getClass().getName();
    if (!ring.offer(binding, arguments, returned, exceptionType, System.currentTimeMillis())) {
      dropped.increment(); // filled between hasRoom() and here; reported by the pipeline, off the host's thread
    }
  }

  /** The oldest waiting call, or {@code null}. Called on the agent's thread. */
  public CapturedCall poll() {
    CapturedCall call = ring.poll();
    // Empty, or a host thread has claimed the next slot and not yet published it (on a busy machine
    // it may be descheduled in between): in the second case wait for it a little, here, rather than
    // let the agent's thread sleep a whole drain interval while calls pile up behind that slot.
    for (int waits = 0; call == null && ring.size() > 0 && waits < IN_FLIGHT_WAITS; waits++) {
      LockSupport.parkNanos(IN_FLIGHT_WAIT_NANOS);
      call = ring.poll();
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

  /** Calls dropped because the ring was full, since the start. */
  public long dropped() {
    return dropped.sum();
  }
}
