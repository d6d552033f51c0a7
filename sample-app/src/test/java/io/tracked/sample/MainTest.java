package io.tracked.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.sample.settings.TelemetrySettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir Path home;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    TelemetrySettings settings = new TelemetrySettings(home.resolve("settings.json"), print(err));
    return Main.run(args, print(out), print(err), settings);
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  @Test
  void runsTheRequestedSessionsAndSummarisesEach() {
    assertEquals(0, run("--sessions", "3"));
    String stdout = out.toString(StandardCharsets.UTF_8);
    for (int n = 1; n <= 3; n++) {
      assertTrue(stdout.contains("Session " + n + ": edited Invoice.java"), stdout);
    }
    assertTrue(stdout.contains("Done: 3 sessions, "), stdout);
    assertEquals("", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void badArgumentsPrintOneLineOnStderrAndExitTwo() {
    assertEquals(2, run("--sessions", "many"));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, stderr.lines().count(), stderr);
    assertTrue(stderr.startsWith("sample-app: --sessions must be a whole number"), stderr);
  }

  @Test
  void helpPrintsUsageAndRunsNothing() {
    assertEquals(0, run("--help"));
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.startsWith("usage: " + Options.USAGE), stdout);
    assertTrue(!stdout.contains("Session 1"), stdout);
  }

  @Test
  void pacesUserActions() {
    long start = System.nanoTime();
    assertEquals(0, run("--pace-ms", "5"));
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    // Session 1 takes at least 29 actions, so at least 28 pauses.
    assertTrue(elapsedMs >= 28 * 5, "took only " + elapsedMs + " ms");
  }
}
