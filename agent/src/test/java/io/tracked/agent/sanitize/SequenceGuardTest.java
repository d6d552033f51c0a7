package io.tracked.agent.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The typed-sequence rule: runs of differing short values in quick succession latch the property. */
class SequenceGuardTest {

  private final Sanitizer sanitizer = new Sanitizer();
  private final SequenceGuard guard = new SequenceGuard();

  private Verdict send(String property, Object value, long at) {
    return guard.screen("e", property, value, sanitizer.sanitize(property, value), at);
  }

  @Test
  void differingCharactersInQuickSuccessionLatchAfterTwo() {
    assertTrue(send("ch", "a", 0).sendable());
    assertTrue(send("ch", "b", 100).sendable());
    assertEquals(SequenceGuard.REASON, send("ch", "c", 200).reason());
    assertTrue(guard.latched("e", "ch"));
    assertEquals(SequenceGuard.REASON, send("ch", "d", 60_000).reason(), "latched for good, even after a pause");
    assertEquals("gpt-4o", send("ch", "gpt-4o", 60_100).value(), "longer values are still judged alone");
  }

  @Test
  void aPauseOrALongerValueStartsTheRunAgain() {
    assertTrue(send("ch", "a", 0).sendable());
    assertTrue(send("ch", "b", 100).sendable());
    assertTrue(send("ch", "c", 100 + SequenceGuard.GAP_MILLIS + 1).sendable());
    assertTrue(send("ch", "typescript", 100 + SequenceGuard.GAP_MILLIS + 2).sendable());
    assertTrue(send("ch", "d", 100 + SequenceGuard.GAP_MILLIS + 3).sendable());
    assertFalse(guard.latched("e", "ch"));
  }

  @Test
  void propertiesAndEventsAreJudgedApart() {
    send("a", "x", 0);
    send("a", "y", 10);
    assertTrue(send("b", "z", 20).sendable());
    assertTrue(guard.screen("other", "a", "q", sanitizer.sanitize("a", "q"), 30).sendable());
  }

  @Test
  void charactersDroppedAloneStillCountAsTyping() {
    send("ch", "a", 0);
    send("ch", " ", 100); // dropped by the sanitizer as text, but part of the sequence
    assertEquals(SequenceGuard.REASON, send("ch", 'b', 200).reason());
  }

  @Test
  void randomTypingNeverLeaksMoreThanTwoCharacters() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      SequenceGuard fresh = new SequenceGuard();
      int sent = 0;
      long at = random.nextInt(1000);
      for (int i = 0; i < 40; i++) {
        String c = String.valueOf((char) ('!' + random.nextInt(94)));
        if (fresh.screen("e", "key", c, sanitizer.sanitize("key", c), at).sendable()) {
          sent++;
        }
        at += 20 + random.nextInt(900); // typing: well under a second between keys
      }
      assertTrue(sent <= 3, "trial " + trial + " sent " + sent); // two, or three when a key repeats before the latch
    }
  }
}
