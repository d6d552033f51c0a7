package io.tracked.agent.delivery;

import io.tracked.agent.event.SerializedEvent;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One batch on the wire, and who owns its fate. The sending thread, when the answer comes, and the
 * exit or opt-out path, which cannot wait for that answer, race for it: exactly one wins. If the exit
 * path wins, it keeps (or discards) the events, and a late answer changes nothing; if the sender wins,
 * the exit path leaves the batch alone.
 */
final class InFlight {

  private static final int SENDING = 0;
  private static final int ANSWERED = 1;
  private static final int ABANDONED = 2;

  private final List<SerializedEvent> events;
  private final AtomicInteger state = new AtomicInteger(SENDING);

  InFlight(List<SerializedEvent> events) {
    this.events = List.copyOf(events);
  }

  List<SerializedEvent> events() {
    return events;
  }

  /** The sender takes the answer; false when the exit path already took the batch. */
  boolean answer() {
    return state.compareAndSet(SENDING, ANSWERED);
  }

  /** The exit path takes the batch; false when the sender already had its answer. */
  boolean abandon() {
    return state.compareAndSet(SENDING, ABANDONED);
  }
}
