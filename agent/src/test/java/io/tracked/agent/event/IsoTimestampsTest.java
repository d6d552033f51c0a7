package io.tracked.agent.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written timestamp is Instant.toString() of the same millisecond, character for character. */
class IsoTimestampsTest {

  private final IsoTimestamps timestamps = new IsoTimestamps();

  private void same(long millis) {
    assertEquals(Instant.ofEpochMilli(millis).toString(), timestamps.format(millis), "at " + millis);
  }

  @Test
  void edgesOfDaysSecondsAndTheRange() {
    long[] edges = {0, 1, 999, 1000, 59_999, 60_000, 86_399_999, 86_400_000, 1_700_000_000_000L,
        1_700_000_000_001L, 951_782_400_000L /* 2000-02-29 */, 253_402_300_799_999L, 253_402_300_800_000L,
        -1, -86_400_001L, Long.MIN_VALUE / 1000, Long.MAX_VALUE / 1000};
    for (long millis : edges) {
      same(millis);
    }
  }

  @Test
  void randomTimesInAnyOrder() {
    Random random = new Random(20261201);
    for (int i = 0; i < 200_000; i++) {
      same(random.nextLong() % 300_000_000_000_000L);
    }
  }

  @Test
  void consecutiveCallsAcrossMidnight() {
    long midnight = 1_764_547_200_000L; // 2025-12-01T00:00:00Z
    for (long millis = midnight - 5_000; millis < midnight + 5_000; millis += 7) {
      same(millis);
    }
  }
}
