package io.tracked.agent.dispatch;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.weaving.EventBinding;
import io.tracked.agent.weaving.MethodBindings;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where woven code hands over each call. It runs on the host's thread, so it does the least possible:
 * find the binding, ask the consent gate, and offer the call to a bounded queue without ever
 * blocking. When the queue is full the call is dropped and counted; the host is never slowed down
 * to save an event.
 */
public final class Dispatcher implements TrackedBridge.Sink {

  static final int CAPACITY = 4096;

  private final MethodBindings bindings;
  private final ConsentGate gate;
  private final BlockingQueue<CapturedCall> handoff = new ArrayBlockingQueue<>(CAPACITY);
  private final AtomicLong dropped = new AtomicLong();

  public Dispatcher(MethodBindings bindings, ConsentGate gate) {
    this.bindings = bindings;
    this.gate = gate;
  }

  @Override
  public void onCall(int methodId, Object[] arguments, Object returned, Throwable thrown) {
    EventBinding binding = bindings.get(methodId);
    if (binding == null || (thrown != null && !binding.onException()) || !gate.allowsCapture()) {
      return;
    }
    String exceptionType = thrown == null ? null : thrown.getClass().getName();
    CapturedCall call = new CapturedCall(binding, arguments, returned, exceptionType, System.currentTimeMillis());
    if (!handoff.offer(call) && dropped.getAndIncrement() == 0) {
      AgentLog.info("more than " + CAPACITY + " tracked calls are waiting; further calls are dropped until the"
          + " queue drains (the host is never blocked)");
    }
  }

  /** Takes the next call, waiting at most the given time; {@code null} when none came. */
  CapturedCall next(long timeout, TimeUnit unit) throws InterruptedException {
    return handoff.poll(timeout, unit);
  }

  CapturedCall poll() {
    return handoff.poll();
  }

  /** Forgets every call not yet turned into an event: used when consent turns off. */
  public int discardPending() {
    int discarded = handoff.size();
    handoff.clear();
    return discarded;
  }

  public int pending() {
    return handoff.size();
  }

  public long dropped() {
    return dropped.get();
  }
}
