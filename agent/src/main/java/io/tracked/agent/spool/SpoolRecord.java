package io.tracked.agent.spool;

import java.util.Objects;

/**
 * One event the spool keeps: its {@code uuid} (so a replayed event is the same event for PostHog)
 * and the event already serialized as one line of JSON. The spool never parses {@code json}.
 *
 * @param uuid the event's uuid: 1 to 64 characters of {@code [0-9A-Za-z_-]}
 * @param json the event as compact JSON, without raw line breaks (JSON escapes them in strings)
 */
public record SpoolRecord(String uuid, String json) {

  static final int MAX_UUID_LENGTH = 64;

  public SpoolRecord {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(json, "json");
    if (uuid.isEmpty() || uuid.length() > MAX_UUID_LENGTH) {
      throw new IllegalArgumentException("spool record uuid must be 1 to 64 characters, got " + uuid.length());
    }
    for (int i = 0; i < uuid.length(); i++) {
      char c = uuid.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
      if (!ok) {
        throw new IllegalArgumentException("spool record uuid may hold only letters, digits, '-' and '_'");
      }
    }
    // The framing is one record per line: a raw line break would split a record in two.
    if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("spool record json must be one line (compact JSON has no raw line break)");
    }
  }
}
