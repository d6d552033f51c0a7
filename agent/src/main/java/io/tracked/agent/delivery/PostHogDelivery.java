package io.tracked.agent.delivery;

import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.SerializedEvent;
import io.tracked.agent.log.AgentLog;
import java.net.URI;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Delivery to PostHog: one daemon thread, {@code tracked-delivery}, sends batches from a bounded
 * in-memory queue ({@link PendingEvents}) through {@link HttpBatchSender}, and replays what an
 * {@link UndeliveredStore} kept from earlier failures, as soon as consent allows and the endpoint
 * answers.
 *
 * <ul>
 *   <li>Each event is serialized once, when it arrives; the same text, uuid and timestamp go to the
 *       wire, to the store and back.</li>
 *   <li>A batch is sent about once a second, or as soon as {@value #FLUSH_AT} events wait.</li>
 *   <li>Not acknowledged (network, timeout, 5xx, 429): the events go back to the front of the queue
 *       and the thread pauses, 1 s doubling to a minute, or as long as {@code Retry-After} asks.
 *       Refused for good (other 4xx): dropped, and every such event is counted in the message.</li>
 *   <li>Memory is bounded: at most {@value #CAPACITY} events wait; beyond that the oldest are dropped,
 *       counted. While PostHog is down, events beyond {@value #KEEP_AFTER} waiting go to the store,
 *       which has room for far more.</li>
 *   <li>At exit ({@link #close}): one last attempt within the time left (unless a {@code Retry-After}
 *       reaches past it); whatever is then not acknowledged, including a batch still on the wire, is
 *       kept in the store. The exit path never waits for the sending thread beyond its deadline and
 *       never takes a lock that is held during I/O.</li>
 * </ul>
 *
 * Consent is asked before every request, new or replayed ({@link ConsentGate#allowsSending()});
 * {@link #discardPending()} empties the queue, abandons the batch on the wire and deletes the store.
 */
public final class PostHogDelivery implements EventSink {

  static final int FLUSH_AT = 50;
  static final long FLUSH_INTERVAL_MILLIS = 1_000;
  static final int MAX_BATCH = 100;
  static final int CAPACITY = 10_000;
  static final int KEEP_AFTER = 1_000;
  static final long MAX_BACKOFF_MILLIS = 60_000;
  static final long MAX_RETRY_AFTER_MILLIS = 600_000;
  static final long REPLAY_CHECK_MILLIS = 10_000;
  /** Kept back from the exit budget for writing what is left to the store. */
  static final long KEEP_RESERVE_MILLIS = 250;
  private static final long IDLE_NANOS = 100_000_000L;

  private final HttpBatchSender sender;
  private final ConsentGate gate;
  private final UndeliveredStore store;
  private final PendingEvents pending = new PendingEvents(CAPACITY);
  private final DropCounter overflow;
  private final RejectedCounters rejected;
  private final Thread thread;
  private volatile boolean closing;
  private volatile long closeDeadline = Long.MAX_VALUE;
  // Written and read by the delivery thread only.
  private long backoffMillis;
  private long retryAt;
  private boolean retryAfterAsked;
  private long lastFlush;
  private long nextReplayCheck;

  PostHogDelivery(HttpBatchSender sender, ConsentGate gate, UndeliveredStore store) {
    this.sender = sender;
    this.gate = gate;
    this.store = store;
    String where = sender.uri().getHost();
    this.overflow = new DropCounter(
        n -> "more than " + CAPACITY + " events are waiting for PostHog at " + where + "; the oldest " + n
            + " were dropped to keep memory bounded",
        n -> n + " more of the oldest waiting events were dropped (PostHog at " + where + " still not taking them)");
    this.rejected = new RejectedCounters(sender.uri());
    this.thread = new Thread(this::run, "tracked-delivery");
    this.thread.setDaemon(true);
  }

  /** Interim wiring: what is not acknowledged is appended to the outbox. */
  public static PostHogDelivery start(String apiKey, URI host, ConsentGate gate, OutboxSink outbox) {
    return start(apiKey, host, gate, new OutboxStore(outbox));
  }

  /** Delivery to {@code host} with {@code apiKey}; its thread starts at once (a daemon: it never holds the host). */
  static PostHogDelivery start(String apiKey, URI host, ConsentGate gate, UndeliveredStore store) {
    PostHogDelivery delivery = new PostHogDelivery(new HttpBatchSender(apiKey, host), gate, store);
    delivery.thread.start();
    return delivery;
  }

  @Override
  public void send(Event event) {
    overflow.add(pending.add(SerializedEvent.of(event)));
  }

  @Override
  public void discardPending() {
    int discarded = pending.takeAll().size();
    long deleted = store.deleteAll();
    AgentLog.debug("telemetry off: " + discarded + " events waiting for PostHog and " + deleted
        + " kept for a later attempt discarded");
  }

  @Override
  public String describe() {
    return "events go to PostHog at " + sender.uri().getScheme() + "://" + sender.uri().getAuthority()
        + " (not acknowledged: kept in " + store.describe() + ")";
  }

  int waiting() {
    return pending.size();
  }

  long rejectedTotal() {
    return rejected.total();
  }

  // ------------------------------------------------------------------ the delivery thread

  private void run() {
    while (!closing) {
      try {
        step();
      } catch (RuntimeException | Error broken) {
        AgentLog.once("delivery-loop", "delivery to PostHog hit " + broken + "; it carries on after a pause");
        LockSupport.parkNanos(this, 10 * IDLE_NANOS);
      }
    }
    try {
      lastAttempt();
    } catch (RuntimeException | Error broken) {
      // the exit path keeps whatever is left
    }
  }

  private void step() {
    if (!gate.allowsSending()) { // checkpoint: no request, new or replayed, unless consent is on
      idle();
      return;
    }
    long now = System.currentTimeMillis();
    if (now < retryAt) {
      if (pending.size() >= KEEP_AFTER) {
        keep(pending.takeAll()); // down for a while: the store has room for far more than memory
      }
      idle();
      return;
    }
    int waiting = pending.size();
    if (waiting >= FLUSH_AT || (waiting > 0 && now - lastFlush >= FLUSH_INTERVAL_MILLIS)) {
      lastFlush = now;
      sendPending(HttpBatchSender.REQUEST_TIMEOUT_MILLIS);
    } else if (waiting == 0 && now >= nextReplayCheck) {
      if (!replay()) {
        nextReplayCheck = now + REPLAY_CHECK_MILLIS;
      }
    } else {
      idle();
    }
  }

  /** Sends the oldest waiting batch; true when PostHog acknowledged it. */
  private boolean sendPending(int timeoutMillis) {
    InFlight batch = pending.startBatch(MAX_BATCH);
    if (batch == null) {
      return true;
    }
    Outcome outcome = sender.post(batch.events(), timeoutMillis);
    if (!batch.answer()) {
      return false; // the exit path or an opt-out took the batch meanwhile: it is theirs now
    }
    pending.endBatch(batch);
    switch (outcome.kind()) {
      case ACKED:
        healthy();
        return true;
      case RETRY:
        unavailable(outcome);
        overflow.add(putBack(batch.events()));
        return false;
      default:
        rejected.add(outcome.status(), batch.events().size());
        return true; // nothing to retry: go on with the next batch
    }
  }

  /** Replays one batch the store kept; true when there was one and it was acknowledged. */
  private boolean replay() {
    UndeliveredStore.Replay replay = store.replay(MAX_BATCH);
    List<SerializedEvent> events = replay.events();
    if (events.isEmpty()) {
      return false;
    }
    if (!gate.allowsSending()) { // checkpoint, again: the store was read with consent on
      replay.notDelivered();
      return false;
    }
    Outcome outcome = sender.post(events, HttpBatchSender.REQUEST_TIMEOUT_MILLIS);
    switch (outcome.kind()) {
      case ACKED:
        replay.delivered();
        healthy();
        return true;
      case RETRY:
        replay.notDelivered();
        unavailable(outcome);
        return false;
      default:
        replay.delivered();
        rejected.add(outcome.status(), events.size());
        return true;
    }
  }

  private void healthy() {
    if (backoffMillis > 0 || retryAt > 0) {
      AgentLog.clear("posthog-unavailable");
    }
    backoffMillis = 0;
    retryAt = 0;
    retryAfterAsked = false;
    nextReplayCheck = 0; // the endpoint answers: replay what earlier failures kept, now
  }

  private void unavailable(Outcome outcome) {
    AgentLog.once("posthog-unavailable", (outcome.status() == 0
        ? "cannot reach PostHog at " + sender.uri() + " (" + outcome.detail() + ")"
        : "PostHog at " + sender.uri().getHost() + " answered " + outcome.status())
        + "; events are kept and retried. Fix: check posthog.host and the network");
    backoffMillis = backoffMillis == 0 ? 1_000 : Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
    long asked = Math.min(MAX_RETRY_AFTER_MILLIS, outcome.retryAfterMillis());
    retryAfterAsked = asked > backoffMillis;
    retryAt = System.currentTimeMillis() + Math.max(backoffMillis, asked);
  }

  /** Back to the front of the queue, oldest first; returns how many had to be dropped for room. */
  private int putBack(List<SerializedEvent> events) {
    List<SerializedEvent> newer = pending.takeAll();
    int dropped = 0;
    for (SerializedEvent event : events) {
      dropped += pending.add(event);
    }
    for (SerializedEvent event : newer) {
      dropped += pending.add(event);
    }
    return dropped;
  }

  /** At exit: what waits gets one more chance within the time left, unless PostHog asked to wait longer. */
  private void lastAttempt() {
    while (pending.size() > 0 && gate.allowsSending()) {
      long left = closeDeadline - KEEP_RESERVE_MILLIS - System.currentTimeMillis();
      if (left < 50 || (retryAfterAsked && retryAt > closeDeadline)) {
        return;
      }
      if (!sendPending((int) Math.min(left, HttpBatchSender.REQUEST_TIMEOUT_MILLIS))) {
        return; // one failure at exit is enough: the rest is kept for the next start
      }
    }
  }

  private void keep(List<SerializedEvent> events) {
    if (!events.isEmpty()) {
      store.keep(events);
    }
  }

  private void idle() {
    LockSupport.parkNanos(this, IDLE_NANOS);
  }

  // ------------------------------------------------------------------ exit

  /**
   * At host exit, on the shutdown hook's thread: lets the delivery thread make its last attempt,
   * waits for it no longer than the budget allows, then keeps everything not acknowledged. Returns
   * within {@code timeoutMillis} (plus scheduling noise) in every network state.
   */
  @Override
  public void close(long timeoutMillis) {
    long deadline = System.currentTimeMillis() + Math.max(1, timeoutMillis);
    closeDeadline = deadline;
    closing = true;
    LockSupport.unpark(thread);
    joinUntil(thread, deadline - KEEP_RESERVE_MILLIS);
    List<SerializedEvent> left = gate.allowsSending() ? pending.takeAll() : List.of();
    Thread keeper = new Thread(() -> {
      keep(left);
      store.close();
    }, "tracked-delivery-exit");
    keeper.setDaemon(true);
    keeper.start();
    joinUntil(keeper, deadline);
    overflow.flush();
    rejected.flush();
    if (!left.isEmpty()) {
      AgentLog.info(left.size() + " events PostHog had not acknowledged by exit are kept in " + store.describe()
          + (keeper.isAlive() ? " (still being written at exit; some may be lost)" : "")
          + "; they are sent at a later start");
    }
  }

  private static void joinUntil(Thread thread, long deadline) {
    long wait = deadline - System.currentTimeMillis();
    if (wait <= 0) {
      return;
    }
    try {
      thread.join(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
