package io.tracked.agent.spool;

import java.util.List;

/**
 * Records taken out of the spool for one delivery attempt. While claimed they are invisible to every
 * other claim, in this process and in others. End every claim with exactly one of:
 * <ul>
 *   <li>{@link #ack()}: the endpoint acknowledged them; they are deleted and never replayed;</li>
 *   <li>{@link #release()}: they were not delivered; they go back, in their place, for a later claim.</li>
 * </ul>
 * Calls after the first are ignored. A claim never ended is released by {@link Spool#close()}, and
 * if the process dies first, taken back by the next spool that looks (its owner's lock is gone).
 * Neither call throws or blocks on another process.
 */
public final class SpoolClaim {

  /** One segment's share of a claim: its claimed name, and how many of its records were taken. */
  record Part(SegmentName name, int taken) {}

  private final SpoolDestination destination;
  private final List<SpoolRecord> records;
  private final List<Part> parts;
  private boolean ended;

  SpoolClaim(SpoolDestination destination, List<SpoolRecord> records, List<Part> parts) {
    this.destination = destination;
    this.records = List.copyOf(records);
    this.parts = List.copyOf(parts);
    this.ended = parts.isEmpty();
  }

  /** The claimed records, oldest first; empty when the spool had none. */
  public List<SpoolRecord> records() {
    return records;
  }

  public boolean isEmpty() {
    return records.isEmpty();
  }

  /** Deletes the claimed records: they were delivered. */
  public void ack() {
    end(true);
  }

  /** Puts the claimed records back for a later claim: they were not delivered. */
  public void release() {
    end(false);
  }

  private void end(boolean delivered) {
    List<Part> toEnd;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      toEnd = parts;
    }
    destination.end(this, toEnd, delivered);
  }

  synchronized boolean ended() {
    return ended;
  }
}
