package io.tracked.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Unknown or missing commands: exit 2 with the usage on stderr; help: exit 0 with the usage on stdout. */
class CliUsageTest {

  @Test
  void unknownCommandExitsTwoWithUsage() {
    CliRun run = CliRun.run("", "frobnicate");

    assertEquals(2, run.status, run.toString());
    assertTrue(run.err.contains("frobnicate"), run.err);
    assertTrue(run.err.contains("usage:"), run.err);
    assertTrue(run.err.contains("status") && run.err.contains("sanitize"), run.err);
    assertTrue(run.out.isEmpty(), "stdout stays clean for scripts: " + run.out);
  }

  @Test
  void noCommandExitsTwoWithUsage() {
    CliRun run = CliRun.run("");
    assertEquals(2, run.status, run.toString());
    assertTrue(run.err.contains("usage:"), run.err);
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    CliRun run = CliRun.run("", "--help");
    assertEquals(0, run.status, run.toString());
    assertTrue(run.out.contains("usage:"), run.out);
  }
}
