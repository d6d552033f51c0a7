package io.tracked.agent.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.weaving.MethodBindings;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The ring hands every accepted call over exactly once, in order per producer, and refuses when full. */
class HandoffRingTest {

  private static final EventBinding BINDING = Bindings.binding("e", List.of("n"), null, false);
  private final MethodBindings bindings = new MethodBindings();
  private final int id = bindings.register(BINDING);

  @Test
  void fullRingRefusesUntilACallIsTaken() {
    HandoffRing ring = new HandoffRing(8);
    for (int i = 0; i < 8; i++) {
      assertTrue(ring.offer(id, new Object[] {i}, null, null, i));
    }
    assertFalse(ring.offer(id, new Object[] {8}, null, null, 8));
    assertEquals(8, ring.size());

    CapturedCall first = ring.poll(bindings);
    assertEquals(0, first.arguments()[0]);
    assertEquals(0L, first.epochMillis());
    assertEquals(BINDING, first.binding(), "the method's number is resolved on the consumer's side");
    assertTrue(ring.offer(id, new Object[] {9}, "r", "E", 9));
    for (int i = 1; i < 8; i++) {
      assertEquals(i, ring.poll(bindings).arguments()[0]);
    }
    CapturedCall last = ring.poll(bindings);
    assertEquals(9, last.arguments()[0]);
    assertEquals("r", last.returned());
    assertEquals("E", last.exceptionType());
    assertNull(ring.poll(bindings));
    assertEquals(0, ring.size());
  }

  @Test
  void aMethodNumberTheBindingsDoNotKnowComesOutWithoutBinding() {
    HandoffRing ring = new HandoffRing(8);
    assertTrue(ring.offer(12_345, new Object[0], null, null, 1));
    assertNull(ring.poll(bindings).binding());
  }

  @Test
  void capacityMustBeAPowerOfTwo() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new HandoffRing(100));
  }

  @Test
  void manyProducersAndAConsumerLoseNothingAndDuplicateNothing() throws Exception {
    HandoffRing ring = new HandoffRing(64);
    int producers = 4;
    int perProducer = 200_000;
    AtomicLong refused = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[producers];
    for (int p = 0; p < producers; p++) {
      int producer = p;
      threads[p] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < perProducer; i++) {
          if (!ring.offer(id, new Object[] {producer, i}, null, null, 0)) {
            refused.incrementAndGet();
          }
        }
      });
      threads[p].start();
    }
    AtomicBoolean done = new AtomicBoolean();
    int[] lastSeen = new int[producers];
    java.util.Arrays.fill(lastSeen, -1);
    long[] taken = new long[1];
    Thread consumer = new Thread(() -> {
      while (true) {
        CapturedCall call = ring.poll(bindings);
        if (call == null) {
          if (done.get() && ring.size() == 0 && ring.poll(bindings) == null) {
            return;
          }
          Thread.onSpinWait();
          continue;
        }
        int producer = (Integer) call.arguments()[0];
        int index = (Integer) call.arguments()[1];
        if (index <= lastSeen[producer]) {
          throw new AssertionError("producer " + producer + ": " + index + " after " + lastSeen[producer]);
        }
        lastSeen[producer] = index;
        taken[0]++;
      }
    });
    consumer.start();
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    done.set(true);
    consumer.join(60_000);
    assertFalse(consumer.isAlive());
    assertEquals((long) producers * perProducer, taken[0] + refused.get(), "every call taken or refused, once");
  }
}
