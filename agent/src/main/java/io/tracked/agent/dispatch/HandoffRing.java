package io.tracked.agent.dispatch;

import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.weaving.MethodBindings;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The bounded hand-off between host threads (many producers) and the agent (consumers), allocated
 * once: a ring of preallocated slots with one sequence number each (D. Vyukov's bounded MPMC queue).
 * A producer claims a slot with one compare-and-set on the tail and publishes it with a release write
 * of its sequence; it stores the method's number, not its binding, so that the lookup happens on the
 * consumer's thread; a consumer does the same on the head. No lock, no node per call, no
 * {@code sun.misc.Unsafe} ({@link AtomicLongArray} gives the acquire/release accesses). A full ring refuses the
 * call; the dispatcher then marks the bridge full, so that the next calls are refused before they
 * build anything.
 *
 * <p>Slots hold references in plain arrays: written before the release of their sequence, read after
 * its acquire, cleared by the consumer so that the ring never keeps a host's objects alive.
 */
final class HandoffRing {

  // Head and tail live in one array, 16 longs (128 bytes) apart, so that producers bumping the tail
  // and the consumer bumping the head do not share a cache line.
  private static final int HEAD = 0;
  private static final int TAIL = 16;

  private final int capacity;
  private final int mask;
  private final AtomicLongArray sequences;
  private final AtomicLongArray positions = new AtomicLongArray(TAIL + 16);
  private final int[] methodIds;
  private final Object[][] arguments;
  private final Object[] returned;
  private final String[] exceptionTypes;
  private final long[] epochMillis;

  /** @param capacity a power of two */
  HandoffRing(int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
    }
    this.capacity = capacity;
    this.mask = capacity - 1;
    this.sequences = new AtomicLongArray(capacity);
    for (int i = 0; i < capacity; i++) {
      sequences.set(i, i);
    }
    methodIds = new int[capacity];
    arguments = new Object[capacity][];
    returned = new Object[capacity];
    exceptionTypes = new String[capacity];
    epochMillis = new long[capacity];
  }

  int capacity() {
    return capacity;
  }

  /** Adds a call; {@code false} when the ring is full. Never blocks, never allocates. */
  boolean offer(int methodId, Object[] args, Object result, String exceptionType, long millis) {
    long position = positions.get(TAIL);
    while (true) {
      int slot = (int) position & mask;
      long difference = sequences.getAcquire(slot) - position;
      if (difference == 0) {
        if (positions.weakCompareAndSetVolatile(TAIL, position, position + 1)) {
          methodIds[slot] = methodId;
          arguments[slot] = args;
          returned[slot] = result;
          exceptionTypes[slot] = exceptionType;
          epochMillis[slot] = millis;
          sequences.setRelease(slot, position + 1);
          return true;
        }
        position = positions.get(TAIL);
      } else if (difference < 0) {
        return false; // the slot still holds a call from one lap ago: full
      } else {
        position = positions.get(TAIL); // another producer took this slot
      }
    }
  }

  /**
   * The oldest call, or {@code null} when none is ready. Safe from several consumer threads. The
   * call's binding is looked up here, on the consumer's thread, and is {@code null} for a method id
   * that {@code bindings} does not know.
   */
  CapturedCall poll(MethodBindings bindings) {
    long position = positions.get(HEAD);
    while (true) {
      int slot = (int) position & mask;
      long difference = sequences.getAcquire(slot) - (position + 1);
      if (difference == 0) {
        if (positions.weakCompareAndSetVolatile(HEAD, position, position + 1)) {
          CapturedCall call = new CapturedCall(bindings.get(methodIds[slot]), arguments[slot], returned[slot],
              exceptionTypes[slot], epochMillis[slot]);
          arguments[slot] = null;
          returned[slot] = null;
          exceptionTypes[slot] = null;
          sequences.setRelease(slot, position + capacity);
          return call;
        }
        position = positions.get(HEAD);
      } else if (difference < 0) {
        return null; // empty, or the producer of this slot has not published it yet
      } else {
        position = positions.get(HEAD);
      }
    }
  }

  /** Calls waiting, approximately while producers are active. */
  int size() {
    long size = positions.get(TAIL) - positions.get(HEAD);
    return (int) Math.max(0, Math.min(capacity, size));
  }
}
