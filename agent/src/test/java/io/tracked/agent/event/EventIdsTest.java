package io.tracked.agent.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Event uuids are version-4 uuids in canonical text, never repeated, and unrelated between instances. */
class EventIdsTest {

  @Test
  void everyIdIsACanonicalVersionFourUuid() {
    EventIds ids = new EventIds();
    for (int i = 0; i < 10_000; i++) {
      String id = ids.next();
      UUID parsed = UUID.fromString(id);
      assertEquals(parsed.toString(), id, "canonical, lower-case text");
      assertEquals(4, parsed.version(), id);
      assertEquals(2, parsed.variant(), id);
    }
  }

  @Test
  void idsAreNotRepeatedWithinOrAcrossGenerators() {
    Set<String> seen = new HashSet<>();
    EventIds first = new EventIds();
    EventIds second = new EventIds();
    for (int i = 0; i < 200_000; i++) {
      assertTrue(seen.add(first.next()), "repeated after " + i);
      assertTrue(seen.add(second.next()), "two generators met after " + i);
    }
  }

  @Test
  void theSeedDecidesTheSequence() {
    EventIds a = new EventIds(new Random(7));
    EventIds b = new EventIds(new Random(7));
    EventIds c = new EventIds(new Random(8));
    String fromA = a.next();
    assertEquals(fromA, b.next(), "same seed, same sequence: the seed is all the state");
    assertNotEquals(fromA, c.next());
  }

  @Test
  void manyThreadsNeverGetTheSameId() throws Exception {
    EventIds ids = new EventIds();
    Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 50_000; i++) {
          seen.add(ids.next());
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(200_000, seen.size());
  }
}
