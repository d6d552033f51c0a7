package io.tracked.agent.event;

import java.time.Instant;

/**
 * An event's time as PostHog reads it, written by hand: exactly {@link Instant#toString()} of the epoch
 * millisecond ({@code 2026-12-01T06:27:17.042Z}, or {@code ...:17Z} on a whole second), without
 * {@code DateTimeFormatter}'s machinery per event. The calendar date is computed once per day and
 * kept; the time of day is a few divisions. Outside the years 1970 to 9999 (never a call's time in
 * practice) it is {@link Instant#toString()} itself. Not thread-safe: one per writer.
 */
final class IsoTimestamps {

  private static final long DAY_MILLIS = 86_400_000L;
  /** 10000-01-01T00:00:00Z: from here on, Instant writes a '+' before the year. */
  private static final long YEAR_10000_MILLIS = 253_402_300_800_000L;

  private long dayStart = -1;
  private final char[] text = "yyyy-mm-ddThh:mm:ss.SSSZ".toCharArray();

  String format(long epochMillis) {
    if (epochMillis < 0 || epochMillis >= YEAR_10000_MILLIS) {
      return Instant.ofEpochMilli(epochMillis).toString();
    }
    long day = epochMillis - Math.floorMod(epochMillis, DAY_MILLIS);
    if (day != dayStart) {
      String date = Instant.ofEpochMilli(day).toString(); // yyyy-mm-ddT00:00:00Z
      date.getChars(0, 11, text, 0);
      dayStart = day;
    }
    int inDay = (int) (epochMillis - day);
    int millis = inDay % 1000;
    int seconds = inDay / 1000;
    two(seconds / 3600, 11);
    text[13] = ':';
    two(seconds / 60 % 60, 14);
    text[16] = ':';
    two(seconds % 60, 17);
    if (millis == 0) {
      text[19] = 'Z';
      return new String(text, 0, 20);
    }
    text[19] = '.';
    text[20] = (char) ('0' + millis / 100);
    two(millis % 100, 21);
    text[23] = 'Z';
    return new String(text, 0, 24);
  }

  private void two(int value, int at) {
    text[at] = (char) ('0' + value / 10);
    text[at + 1] = (char) ('0' + value % 10);
  }
}
