package io.tracked.agent.spool;

/** Why the spool dropped records: each kind is counted apart and named in the message. */
enum DropReason {
  FULL("oldest first, over the byte bound"),
  EXPIRED("older than the age bound"),
  DAMAGED("cut or corrupted by a crash or a full disk"),
  TOO_LARGE("larger than a segment"),
  UNWRITABLE("could not be written");

  final String text;

  DropReason(String text) {
    this.text = text;
  }
}
