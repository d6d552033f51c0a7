package io.tracked.agent.delivery;

import io.tracked.agent.event.SerializedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Events waiting in memory for their first attempt, oldest first, and the batch being sent. Bounded:
 * when full, the oldest event is taken out to make room and handed back, for the caller to keep on
 * disk. The lock guards memory only;
 * no caller holds it while doing I/O, so the exit path can always take what is here at once.
 */
final class PendingEvents {

  private final int capacity;
  private final ArrayDeque<SerializedEvent> queue = new ArrayDeque<>();
  private InFlight inFlight;
  /** {@code queue.size()}, written under the lock: the event thread reads it to wake the sender. */
  private volatile int size;

  PendingEvents(int capacity) {
    this.capacity = capacity;
  }

  /** Adds the event; returns the oldest, taken out to make room, or null when there was room. */
  synchronized SerializedEvent add(SerializedEvent event) {
    SerializedEvent evicted = queue.size() >= capacity ? queue.pollFirst() : null;
    queue.addLast(event);
    size = queue.size();
    return evicted;
  }

  int size() {
    return size;
  }

  /** As {@link #startBatch(int, long)} with no bound on the characters. */
  synchronized InFlight startBatch(int max) {
    return startBatch(max, Long.MAX_VALUE);
  }

  /**
   * Takes up to {@code max} of the oldest events, and no more than {@code maxChars} of JSON (but at
   * least one event), as the batch in flight. Taking and marking happen under one lock, so
   * {@link #takeAll} sees every event either still queued or in this batch.
   */
  synchronized InFlight startBatch(int max, long maxChars) {
    List<SerializedEvent> batch = new ArrayList<>(Math.min(max, queue.size()));
    long chars = 0;
    while (batch.size() < max && !queue.isEmpty()) {
      chars += queue.peekFirst().json().length();
      if (chars > maxChars && !batch.isEmpty()) {
        break;
      }
      batch.add(queue.pollFirst());
    }
    size = queue.size();
    inFlight = batch.isEmpty() ? null : new InFlight(batch);
    return inFlight;
  }

  /** The sender is done with the batch; it is no longer this queue's to give up. */
  synchronized void endBatch(InFlight batch) {
    if (inFlight == batch) {
      inFlight = null;
    }
  }

  /**
   * Empties the queue and claims the batch in flight, unless its answer has already been taken:
   * everything here that has not been acknowledged, oldest first. For the exit path and opt-out.
   */
  synchronized List<SerializedEvent> takeAll() {
    List<SerializedEvent> all = new ArrayList<>(queue.size() + 64);
    if (inFlight != null && inFlight.abandon()) {
      all.addAll(inFlight.events());
    }
    inFlight = null;
    all.addAll(queue);
    queue.clear();
    size = 0;
    return all;
  }
}
