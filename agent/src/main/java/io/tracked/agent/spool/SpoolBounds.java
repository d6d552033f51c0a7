package io.tracked.agent.spool;

import java.time.Duration;

/**
 * How much one destination's spool may hold. See {@link Spool} for how each bound is enforced.
 *
 * @param maxBytes         bytes on disk per destination; the oldest records are dropped beyond it
 * @param maxAge           records older than this (since they were spooled) are dropped
 * @param segmentRecords   records per segment file at most
 * @param segmentBytes     bytes per segment file at most; also the largest record the spool accepts
 */
public record SpoolBounds(long maxBytes, Duration maxAge, int segmentRecords, int segmentBytes) {

  /**
   * 10 MiB and 7 days per destination, in segments of at most 1,000 records and 512 KiB (few files:
   * an exit that spools 10,000 events writes about ten).
   */
  public static final SpoolBounds DEFAULTS = new SpoolBounds(10L * 1024 * 1024, Duration.ofDays(7), 1000, 512 * 1024);

  public SpoolBounds {
    if (maxBytes < 1 || segmentRecords < 1 || segmentBytes < 64 || maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("spool bounds must be positive: " + maxBytes + ", " + maxAge + ", "
          + segmentRecords + ", " + segmentBytes);
    }
  }
}
