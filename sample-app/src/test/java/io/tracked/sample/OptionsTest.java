package io.tracked.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void defaultsToOneSessionWithoutPause() throws UsageException {
    assertEquals(new Options(1, 0, false), Options.parse());
  }

  @Test
  void readsBothSpellings() throws UsageException {
    assertEquals(new Options(3, 250, false), Options.parse("--sessions", "3", "--pace-ms", "250"));
    assertEquals(new Options(4, 10, false), Options.parse("--pace-ms=10", "--sessions=4"));
  }

  @Test
  void helpWins() throws UsageException {
    assertTrue(Options.parse("--sessions", "2", "--help").help());
  }

  @Test
  void rejectsUnknownArgumentsShowingTheUsage() {
    UsageException e = assertThrows(UsageException.class, () -> Options.parse("--session", "2"));
    assertTrue(e.getMessage().contains("\"--session\""), e.getMessage());
    assertTrue(e.getMessage().contains(Options.USAGE), e.getMessage());
  }

  @Test
  void rejectsAMissingValue() {
    UsageException e = assertThrows(UsageException.class, () -> Options.parse("--sessions"));
    assertEquals("--sessions needs a value, e.g. --sessions 3", e.getMessage());
    assertThrows(UsageException.class, () -> Options.parse("--sessions", "--pace-ms", "3"));
  }

  @Test
  void rejectsValuesThatAreNotWholeNumbersInRange() {
    for (String[] args : new String[][] {
        {"--sessions", "two"}, {"--sessions", "0"}, {"--sessions", "1.5"},
        {"--sessions", "100001"}, {"--pace-ms", "-1"}, {"--pace-ms=abc"}, {"--pace-ms", "600001"}}) {
      UsageException e = assertThrows(UsageException.class, () -> Options.parse(args), String.join(" ", args));
      assertTrue(e.getMessage().startsWith(args[0].split("=")[0] + " must be a whole number from "), e.getMessage());
      assertTrue(e.getMessage().contains("e.g. "), e.getMessage());
    }
  }
}
