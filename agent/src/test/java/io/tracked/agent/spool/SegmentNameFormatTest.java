package io.tracked.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Names are written without {@code String.format} (it loads a formatter on the agent's start-up path):
 * they keep their fixed widths, so they still sort by age and parse back to what was written.
 */
class SegmentNameFormatTest {

  @Test
  void hexIdsHaveSixteenDigits() {
    assertEquals("0000000000000000", Owner.hex16(0));
    assertEquals("000000000000000f", Owner.hex16(15));
    assertEquals("ffffffffffffffff", Owner.hex16(-1));
    assertEquals("8000000000000000", Owner.hex16(Long.MIN_VALUE));
    for (int i = 0; i < 100; i++) {
      assertTrue(Owner.randomHex16().matches("[0-9a-f]{16}"));
    }
  }

  @Test
  void namesRoundTripWithTheirStampZeroPadded() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 1_000; i++) {
      long stamp = i < 10 ? i : random.nextLong(0, 10_000_000_000_000L);
      String uid = Owner.hex16(random.nextLong());
      String owner = Owner.hex16(random.nextLong());
      SegmentName open = SegmentName.open(stamp, uid, owner);
      assertEquals(String.format("%013d-%s.open-%s", stamp, uid, owner), open.fileName());
      SegmentName seg = open.committed(1 + random.nextInt(1000), random.nextLong(0, 1L << 30), 0);
      assertEquals(String.format("%013d-%s-%d-%d.0.seg", stamp, uid, seg.count(), seg.bytes()), seg.fileName());
      for (SegmentName name : new SegmentName[] {open, seg, seg.claimedBy(owner)}) {
        assertEquals(name, SegmentName.parse(name.fileName()));
      }
    }
  }

  @Test
  void destinationDigestIsThirtyTwoHexDigits() {
    String digest = Spool.digest("https://eu.i.posthog.com", "phc_key");
    assertTrue(digest.matches("[0-9a-f]{32}"), digest);
    assertEquals(digest, Spool.digest("HTTPS://EU.i.PostHog.com/", "phc_key"));
  }
}
