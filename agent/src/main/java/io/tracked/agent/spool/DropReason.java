package io.tracked.agent.spool;

/** Why the spool dropped records: each kind is counted apart and named, with its bound, in the message. */
enum DropReason {
  FULL,
  EXPIRED,
  DAMAGED,
  TOO_LARGE,
  UNWRITABLE;

  /** How the message names this reason, e.g. "oldest first, over the 10 MiB per destination". */
  String text(SpoolBounds bounds) {
    switch (this) {
      case FULL:
        return "oldest first, over the " + size(bounds.maxBytes()) + " kept per destination";
      case EXPIRED:
        return "older than " + age(bounds.maxAge().toMillis());
      case DAMAGED:
        return "cut or corrupted by a crash or a full disk";
      case TOO_LARGE:
        return "larger than " + size(bounds.segmentBytes());
      default:
        return "could not be written";
    }
  }

  static String size(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
  }

  private static String age(long millis) {
    long hours = millis / 3_600_000;
    if (hours > 0 && millis % 86_400_000 == 0) {
      return millis / 86_400_000 + " days";
    }
    if (hours > 0 && millis % 3_600_000 == 0) {
      return hours == 1 ? "1 hour" : hours + " hours";
    }
    return millis / 1000 + " seconds";
  }
}
