package io.tracked.agent.pipeline;

import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.delivery.EventSink;
import io.tracked.agent.dispatch.Dispatcher;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventJson;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.log.DropCounter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The agent's own daemon thread, where all real work happens: it reads consent first, then takes
 * captured calls from the {@link Dispatcher}, has them built into sanitized {@link Event}s and hands
 * those to the {@link EventSink}. Nothing is built or sent before consent is known; when consent is
 * withdrawn every pending call and event is discarded (Glean's opt-out semantics).
 */
public final class EventPipeline implements ConsentGate.Listener {

  private static final long DRAIN_INTERVAL_NANOS = 50_000_000L;
  /** Calls found in one drain from which the host counts as busy (over ~5,000 calls/s). */
  private static final int BUSY_DRAIN = 256;
  private static final long BUSY_INTERVAL_NANOS = 5_000_000L;

  private final Dispatcher dispatcher;
  private final ConsentGate gate;
  private final Supplier<EventFactory> factorySupplier;
  private final Supplier<EventSink> sinkSupplier;
  private final Consumer<EventSink> onReady;
  private volatile EventFactory factory;
  private volatile EventSink sink;
  private volatile boolean stopping;
  private volatile boolean ready;
  private volatile Thread thread;
  private final DropCounter handoffDrops = new DropCounter(
      n -> "more than " + Dispatcher.CAPACITY + " tracked calls were waiting for the agent's thread; " + n
          + " were dropped (the host is never blocked)",
      n -> n + " more tracked calls were dropped while " + Dispatcher.CAPACITY + " were waiting");
  private long dropsReported;
  /**
   * Serializes the hand-over of a built event with an opt-out's discard: an event built while consent
   * was withdrawn (its call captured before) must never reach the sink after the sink was emptied.
   */
  private final Object handOver = new Object();
  /** How many times consent was withdrawn; an event is handed over only if none happened while it was built. */
  private final AtomicLong withdrawals = new AtomicLong();

  public EventPipeline(Dispatcher dispatcher, ConsentGate gate, Supplier<EventFactory> factory,
      Supplier<EventSink> sink, Consumer<EventSink> onReady) {
    this.dispatcher = dispatcher;
    this.gate = gate;
    this.factorySupplier = factory;
    this.sinkSupplier = sink;
    this.onReady = onReady;
  }

  public synchronized void start() {
    thread = new Thread(this::run, "tracked-events");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      // The sink exists before consent is first read, so an opt-out found at start reaches it too
      // (it deletes events an earlier run kept for PostHog).
      sink = sinkSupplier.get();
      gate.addListener(this);
      gate.refresh();
      ready = true;
      onReady.accept(sink);
      int drained = 0;
      while (true) {
        if (gate.state() == ConsentGate.State.UNKNOWN) {
          // A switch has not spoken yet (e.g. the host has not reported its setting): hold, send nothing.
          if (stopping) {
            break;
          }
          LockSupport.parkNanos(this, DRAIN_INTERVAL_NANOS / 2);
          continue;
        }
        CapturedCall call = dispatcher.poll();
        if (call != null) {
          process(call);
          if ((++drained & 4095) == 0) {
            reportHandoffDrops(); // the ring may not empty for a while: say the drops as they grow
          }
        } else if (stopping) {
          break;
        } else {
          reportHandoffDrops();
          // Host threads never wake this thread (that would cost them a system call per event):
          // it drains on its own schedule, and shutdown unparks it. A drain that found many calls
          // naps shorter, so the ring cannot fill while it sleeps (8,192 calls last 82 ms at
          // 100,000 calls/s, and a busy machine stretches a 50 ms nap); at most 200 wake-ups a second.
          LockSupport.parkNanos(this, drained >= BUSY_DRAIN ? BUSY_INTERVAL_NANOS : DRAIN_INTERVAL_NANOS);
          drained = 0;
        }
      }
    } catch (Throwable broken) {
      // Close the capture path too, so host threads stop handing over calls nobody will take.
      gate.closeCapture();
      dispatcher.discardPending();
      AgentLog.info("the event pipeline stopped: " + broken + "; no further events are recorded in this run");
    }
  }

  private void process(CapturedCall call) {
    long withdrawalsBefore = withdrawals.get();
    if (!gate.allowsSending()) { // checkpoint: nothing is built unless consent is on
      dispatcher.discardPending();
      return;
    }
    if (factory == null) {
      // At the first event, not at start: a run with consent off or no tracked call never builds the
      // sanitizer. A failure here stops the pipeline, as it did at start.
      factory = factorySupplier.get();
    }
    try {
      Event event = factory.build(call);
      if (AgentLog.debugEnabled()) {
        AgentLog.debug("event " + event.name() + " " + EventJson.properties(event.properties()));
      }
      synchronized (handOver) {
        // Consent withdrawn while the event was built: the opt-out has emptied (or is about to empty)
        // the sink, and this event, built from a call captured before it, must not slip in behind.
        if (withdrawals.get() != withdrawalsBefore || !gate.allowsSending()) {
          return;
        }
        sink.send(event);
      }
    } catch (Exception | StackOverflowError broken) {
      AgentLog.once("event-build:" + call.binding().eventName(), "could not record a "
          + call.binding().eventName() + " event (" + broken.getClass().getName() + "); it is dropped");
    }
  }

  /** The dispatcher only counts (it runs on host threads); the count is said here, as it grows. */
  private void reportHandoffDrops() {
    long dropped = dispatcher.dropped();
    if (dropped > dropsReported) {
      handoffDrops.add(dropped - dropsReported);
      dropsReported = dropped;
    }
  }

  @Override
  public void consentChanged(boolean allowed) {
    if (!allowed) {
      int discarded = dispatcher.discardPending();
      EventSink current = sink;
      synchronized (handOver) {
        withdrawals.incrementAndGet();
        if (current != null) {
          current.discardPending();
        }
      }
      EventFactory builder = factory;
      if (builder != null) {
        builder.forgetValues();
      }
      AgentLog.debug("telemetry off: " + discarded + " captured calls and every unsent event discarded");
    }
  }

  /**
   * At host exit: turns what was captured into events (for at most a third of the time) and lets the
   * sink deliver, or keep, within the rest. Every wait has a deadline, so the host exits promptly.
   */
  public void shutdown(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    stopping = true;
    Thread worker = thread;
    // Still starting up with nothing captured: there is nothing to deliver, so nothing to wait for.
    boolean nothingToDo = !ready && dispatcher.pending() == 0;
    if (worker != null && !nothingToDo) {
      LockSupport.unpark(worker);
      try {
        worker.join(Math.max(1, timeoutMillis / 3));
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    gate.stopPolling();
    if (worker == null || !worker.isAlive()) {
      reportHandoffDrops();
    }
    handoffDrops.flush();
    EventSink current = sink;
    if (current != null) {
      current.close(Math.max(1, deadline - System.currentTimeMillis()));
    }
  }
}
