package io.tracked.agent.dispatch;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.weaving.MethodBindings;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where woven code hands over each call. It runs on the host's thread, so it does the least possible:
 * find the binding, ask the consent gate, and add the call to a bounded lock-free queue. It never
 * takes a lock and never wakes the agent's thread (which drains the queue on its own schedule), so a
 * host thread is never blocked or descheduled by a tracked call. When the queue is full the call is
 * dropped and counted; the host is never slowed down to save an event.
 */
public final class Dispatcher implements TrackedBridge.Sink {

  public static final int CAPACITY = 4096;

  private final MethodBindings bindings;
  private final ConsentGate gate;
  private final ConcurrentLinkedQueue<CapturedCall> handoff = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();

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
    EventBinding binding = bindings.get(methodId);
    if (binding == null || (thrown != null && !binding.onException()) || !gate.allowsCapture()) {
      return;
    }
    String exceptionType = thrown == null ? null : thrown.getClass().getName();
    CapturedCall call = new CapturedCall(binding, arguments, returned, exceptionType, System.currentTimeMillis());
    if (size.incrementAndGet() > CAPACITY) {
      size.decrementAndGet();
      dropped.incrementAndGet(); // reported with its true number by the pipeline, off the host's thread
      return;
    }
    handoff.offer(call);
  }

  /** The oldest waiting call, or {@code null}; never waits. */
  public CapturedCall poll() {
    CapturedCall call = handoff.poll();
    if (call != null) {
      size.decrementAndGet();
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
    return size.get();
  }

  public long dropped() {
    return dropped.get();
  }
}
