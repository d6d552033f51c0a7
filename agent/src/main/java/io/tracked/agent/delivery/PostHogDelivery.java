package io.tracked.agent.delivery;

import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.SerializedEvent;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.spool.Spool;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Delivery to PostHog: one daemon thread, {@code tracked-delivery}, sends batches from a bounded
 * in-memory queue ({@link PendingEvents}) through {@link HttpBatchSender}, and replays what the
 * spool ({@link UndeliveredStore}) keeps, as soon as consent allows and the endpoint answers: at
 * start, after every acknowledged batch, and every {@value #REPLAY_CHECK_MILLIS} ms in any case (other
 * processes on the same Continue directory may have left events there).
 *
 * <ul>
 *   <li>Each event is serialized once, when it arrives; the same text, uuid and timestamp go to the
 *       wire, to the spool and back.</li>
 *   <li>A batch is sent about once a second, or when {@value #FLUSH_AT} events wait (checked every
 *       100 ms), or at once when {@value #WAKE_AT} wait: the thread that adds the {@value #WAKE_AT}th
 *       wakes this one, since at 100,000 events/s a 100 ms nap would overflow the queue (waking it
 *       sooner makes many small requests, whose fixed cost, a connection and a gzip stream, then
 *       dominates the sender's CPU). A batch takes everything waiting, up to {@value #MAX_BATCH} events and
 *       {@value #MAX_BATCH_CHARS} characters of JSON (PostHog takes 20 MB), so a burst costs a few
 *       requests rather than one per hundred events: a request waits for its answer, so a batch must
 *       carry what arrives meanwhile (at a 50 ms answer, 5,000 events is 100,000 events/s). Memory
 *       holds at most {@value #CAPACITY} waiting events plus the one batch in flight.</li>
 *   <li>Not acknowledged (network, timeout, 5xx, 429): the batch goes to the spool, and only there,
 *       and the thread pauses, 1 s doubling to a minute, or as long as {@code Retry-After} asks
 *       (at most ten minutes). While it pauses, what arrives goes to the spool every second too.
 *       Replaying it later carries the same uuids, so PostHog can treat a repeat as one event.</li>
 *   <li>Refused for good (other 4xx): dropped, and every such event is counted in the messages.</li>
 *   <li>Memory is bounded: at most {@value #CAPACITY} events wait (only while this thread is stuck on
 *       a slow request can that many pile up); beyond that the oldest are dropped, counted.</li>
 *   <li>At exit ({@link #close}): one last attempt within the time left, unless a {@code Retry-After}
 *       reaches past it; whatever is then not acknowledged, including a batch still on the wire, goes
 *       to the spool. The exit path never waits for the sending thread beyond its deadline and never
 *       takes a lock that is held during network I/O.</li>
 * </ul>
 *
 * Consent is asked before every request, new or replayed ({@link ConsentGate#allowsSending()});
 * {@link #discardPending()} empties the queue, abandons the batch on the wire and deletes the spool.
 */
public final class PostHogDelivery implements EventSink {

  static final int FLUSH_AT = 50;
  /** A tenth of {@link #CAPACITY}: room for 90 ms at 100,000 events/s while the sender wakes. */
  static final int WAKE_AT = 1_000;
  static final long FLUSH_INTERVAL_MILLIS = 1_000;
  static final int MAX_BATCH = 5_000;
  /** Well under PostHog's 20 MB per request, whatever the events hold (each is at most ~1 MB). */
  static final long MAX_BATCH_CHARS = 4_000_000;
  /** Replayed batches are read back from disk: 500 events at a time bounds what one replay holds in memory. */
  static final int REPLAY_BATCH = 500;
  static final int CAPACITY = 10_000;
  /** Events a full queue gives up are written to the spool this many at a time. */
  static final int SPILL_BATCH = 500;
  static final long MAX_BACKOFF_MILLIS = 60_000;
  static final long MAX_RETRY_AFTER_MILLIS = 600_000;
  static final long REPLAY_CHECK_MILLIS = 10_000;
  /** Kept back from the exit budget for writing what is left to the store. */
  static final long KEEP_RESERVE_MILLIS = 250;
  /** A replay at exit starts only with this much time left, so it rarely outlives the deadline. */
  static final long REPLAY_AT_EXIT_MIN_MILLIS = 300;
  private static final long IDLE_NANOS = 100_000_000L;

  private final HttpBatchSender sender;
  private final ConsentGate gate;
  private final UndeliveredStore store;
  private final PendingEvents pending = new PendingEvents(CAPACITY);
  /**
   * Events a full memory queue gave up, on their way to the spool, written in batches: PostHog is slower
   * than the host for a while (a burst, a cold start), so they wait on disk instead of being dropped,
   * and are replayed after the next acknowledged batch. Taken by both threads, so guarded by itself.
   */
  private final List<SerializedEvent> spill = new ArrayList<>();
  private volatile boolean spillSaid;
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
  private long lastAnswerMillis;

  PostHogDelivery(HttpBatchSender sender, ConsentGate gate, UndeliveredStore store) {
    this.sender = sender;
    this.gate = gate;
    this.store = store;
    this.rejected = new RejectedCounters(sender.uri());
    this.thread = new Thread(this::run, "tracked-delivery");
    this.thread.setDaemon(true);
  }

  /**
   * Delivery to {@code host} with {@code apiKey}, keeping what is not acknowledged in {@code spool};
   * its thread starts at once (a daemon: it never holds the host).
   */
  public static PostHogDelivery start(String apiKey, URI host, ConsentGate gate, Spool spool) {
    return start(apiKey, host, gate, new SpoolStore(spool, host.toString(), apiKey));
  }

  /** Delivery to {@code host} with {@code apiKey}; its thread starts at once (a daemon: it never holds the host). */
  static PostHogDelivery start(String apiKey, URI host, ConsentGate gate, UndeliveredStore store) {
    PostHogDelivery delivery = new PostHogDelivery(new HttpBatchSender(apiKey, host), gate, store);
    delivery.thread.start();
    return delivery;
  }

  @Override
  public void send(Event event) {
    SerializedEvent evicted = pending.add(SerializedEvent.of(event));
    if (evicted != null) {
      spillOut(evicted);
    }
    if (pending.size() == WAKE_AT) {
      LockSupport.unpark(thread); // at most once per batch: the sender may be idling for up to IDLE_NANOS
    }
  }

  /** Hands the event to the spool, SPILL_BATCH at a time, on the calling (event) thread. */
  private void spillOut(SerializedEvent evicted) {
    List<SerializedEvent> full = null;
    synchronized (spill) {
      spill.add(evicted);
      if (spill.size() >= SPILL_BATCH) {
        full = new ArrayList<>(spill);
        spill.clear();
      }
    }
    if (!spillSaid) {
      spillSaid = true;
      AgentLog.debug("more than " + CAPACITY + " events are waiting for PostHog at " + sender.uri().getHost()
          + "; the oldest go to " + store.describe() + " and are sent from there");
    }
    if (full != null) {
      keep(full);
    }
  }

  private List<SerializedEvent> takeSpill() {
    synchronized (spill) {
      if (spill.isEmpty()) {
        return List.of();
      }
      List<SerializedEvent> taken = new ArrayList<>(spill);
      spill.clear();
      return taken;
    }
  }

  @Override
  public void discardPending() {
    takeSpill();
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
        keep(takeSpill()); // before a step, so its replay can already send them
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
    int waiting = pending.size();
    boolean due = waiting >= FLUSH_AT || (waiting > 0 && now - lastFlush >= FLUSH_INTERVAL_MILLIS);
    if (now < retryAt) {
      if (due) {
        lastFlush = now;
        keep(pending.takeAll()); // PostHog is down: what would have been sent waits in the spool
      }
      idle();
      return;
    }
    if (due) {
      lastFlush = now;
      sendPending(HttpBatchSender.REQUEST_TIMEOUT_MILLIS);
    } else if (now >= nextReplayCheck) {
      if (!replay(HttpBatchSender.REQUEST_TIMEOUT_MILLIS) && nextReplayCheck <= now) {
        nextReplayCheck = now + REPLAY_CHECK_MILLIS; // nothing kept (a failure has set the back-off's end)
      }
    } else {
      idle();
    }
  }

  /** Sends the oldest waiting batch; true when PostHog acknowledged it. */
  private boolean sendPending(int timeoutMillis) {
    InFlight batch = pending.startBatch(MAX_BATCH, MAX_BATCH_CHARS);
    if (batch == null) {
      return true;
    }
    Outcome outcome = post(batch.events(), timeoutMillis);
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
        keep(batch.events()); // not acknowledged: spooled, and kept nowhere else
        return false;
      default:
        rejected.add(outcome.status(), batch.events().size());
        return true; // nothing to retry: go on with the next batch
    }
  }

  /** Replays one batch the store kept; true when there was one and it was acknowledged. */
  private boolean replay(int timeoutMillis) {
    UndeliveredStore.Replay replay = store.replay(REPLAY_BATCH);
    List<SerializedEvent> events = replay.events();
    if (events.isEmpty()) {
      return false;
    }
    if (!gate.allowsSending()) { // checkpoint, again: the store was read with consent on
      replay.notDelivered();
      return false;
    }
    Outcome outcome = post(events, timeoutMillis);
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

  /** Posts and notes how long the server took to answer, so the exit path only starts a request it can wait for. */
  private Outcome post(List<SerializedEvent> events, int timeoutMillis) {
    Outcome outcome = sender.post(events, timeoutMillis);
    if (outcome.answerMillis() >= 0) {
      lastAnswerMillis = outcome.answerMillis();
    } else if (outcome.status() == 0 && closing) {
      lastAnswerMillis = Math.max(lastAnswerMillis, timeoutMillis); // no answer in time: assume no faster next
    }
    return outcome;
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
    // What failed is in the store now: it is tried again when the back-off ends, not at the next
    // periodic check (with large batches one failure spools everything, and that wait was 10 s).
    nextReplayCheck = retryAt;
  }

  /**
   * At exit: what waits gets one more chance within the time left, unless PostHog asked to wait
   * longer; if PostHog answers, what the spool holds is replayed too while time is left (a batch
   * still on the wire at the deadline stays in the spool, to be sent again with the same uuids).
   */
  private void lastAttempt() {
    if (!gate.allowsSending() || (retryAfterAsked && retryAt > closeDeadline)) {
      return;
    }
    while (pending.size() > 0) {
      int left = timeLeft();
      if (!worthStarting(left) || !gate.allowsSending() || !sendPending(left)) {
        return; // one failure at exit is enough: the rest is kept for the next start
      }
    }
    while (timeLeft() >= REPLAY_AT_EXIT_MIN_MILLIS && worthStarting(timeLeft()) && gate.allowsSending()
        && replay(timeLeft())) {
      // replayed one batch; go on while there is time
    }
  }

  /**
   * Whether a request can still be answered in the time left, judging by the last answer: a slow
   * server would store a batch whose answer comes too late, and the batch, kept as unacknowledged,
   * would be sent twice. Kept for the next start instead, it is sent once.
   */
  private boolean worthStarting(int left) {
    return left >= 50 && left >= lastAnswerMillis * 3 / 2;
  }

  private int timeLeft() {
    return (int) Math.min(HttpBatchSender.REQUEST_TIMEOUT_MILLIS,
        closeDeadline - KEEP_RESERVE_MILLIS - System.currentTimeMillis());
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
    List<SerializedEvent> left = new ArrayList<>(takeSpill()); // older than those still queued
    left.addAll(pending.takeAll());
    if (!gate.allowsSending()) {
      left.clear();
    }
    Thread keeper = new Thread(() -> {
      keep(left);
      store.close();
    }, "tracked-delivery-exit");
    keeper.setDaemon(true);
    keeper.start();
    joinUntil(keeper, deadline);
    rejected.flush();
    if (!left.isEmpty()) {
      AgentLog.info(left.size() + " events PostHog had not acknowledged by exit are kept in " + store.describe()
          + (keeper.isAlive() ? " (still being written at exit; some may be lost)" : "")
          + "; they are sent when PostHog answers again, by this application or the next one started");
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
