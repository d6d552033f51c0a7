package io.tracked.agent.spool;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A segment's state lives in its file name, so that every change of state is one atomic rename or
 * delete and no other file has to agree with it:
 * <pre>
 *   STAMP-UID.open-OWNER                        being written by OWNER
 *   STAMP-UID-COUNT-BYTES.SKIP.seg              committed, free to claim
 *   STAMP-UID-COUNT-BYTES.SKIP.claim-OWNER      claimed by OWNER, in flight
 * </pre>
 * STAMP is the epoch millisecond it was written (13 digits, so names sort by age), UID and OWNER 16
 * hex digits, COUNT the valid records it holds, BYTES its size, SKIP how many of its first records
 * were already acknowledged.
 */
record SegmentName(long stamp, String uid, int count, long bytes, int skip, State state, String owner) {

  enum State { OPEN, SEG, CLAIM }

  private static final Pattern NAME = Pattern.compile(
      "(\\d{13})-([0-9a-f]{16})(?:-(\\d{1,9})-(\\d{1,12})\\.(\\d{1,9})\\.(?:(seg)|claim-([0-9a-f]{16}))|\\.open-([0-9a-f]{16}))");

  static final Comparator<SegmentName> OLDEST_FIRST = Comparator.comparingLong(SegmentName::stamp)
      .thenComparing(SegmentName::uid);

  /** The parsed name, or null for a name the spool did not write. */
  static SegmentName parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return null;
    }
    long stamp = Long.parseLong(m.group(1));
    String uid = m.group(2);
    if (m.group(8) != null) {
      return new SegmentName(stamp, uid, 0, 0, 0, State.OPEN, m.group(8));
    }
    int count = Integer.parseInt(m.group(3));
    long bytes = Long.parseLong(m.group(4));
    int skip = Integer.parseInt(m.group(5));
    if (skip >= count) {
      return null; // a fully acknowledged segment is deleted, never named
    }
    return m.group(6) != null
        ? new SegmentName(stamp, uid, count, bytes, skip, State.SEG, null)
        : new SegmentName(stamp, uid, count, bytes, skip, State.CLAIM, m.group(7));
  }

  static SegmentName open(long stamp, String uid, String owner) {
    return new SegmentName(stamp, uid, 0, 0, 0, State.OPEN, owner);
  }

  SegmentName committed(int newCount, long newBytes, int newSkip) {
    return new SegmentName(stamp, uid, newCount, newBytes, newSkip, State.SEG, null);
  }

  SegmentName withSkip(int newSkip) {
    return new SegmentName(stamp, uid, count, bytes, newSkip, State.SEG, null);
  }

  SegmentName claimedBy(String newOwner) {
    return new SegmentName(stamp, uid, count, bytes, skip, State.CLAIM, newOwner);
  }

  /** Records not yet acknowledged. */
  int remaining() {
    return count - skip;
  }

  String fileName() {
    String digits = Long.toString(stamp); // at most 13 digits: Spool.nextStamp keeps it in range
    String base = "0000000000000".substring(Math.min(13, digits.length())) + digits + "-" + uid;
    switch (state) {
      case OPEN:
        return base + ".open-" + owner;
      case SEG:
        return base + "-" + count + "-" + bytes + "." + skip + ".seg";
      default:
        return base + "-" + count + "-" + bytes + "." + skip + ".claim-" + owner;
    }
  }

  @Override
  public String toString() {
    return fileName();
  }
}
