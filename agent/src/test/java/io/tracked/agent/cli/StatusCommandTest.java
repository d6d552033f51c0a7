package io.tracked.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** status --config PATH: whether telemetry is enabled and, for each switch, its value and where it came from. */
class StatusCommandTest {

  // The gate opens or closes the process-wide capture flag; leave it as other tests found it.
  private final boolean capturingBefore = TrackedBridge.capturing();

  @AfterEach
  void restoreCaptureFlag() {
    TrackedBridge.setCapturing(capturingBefore);
  }

  @TempDir Path dir;

  @Test
  void configOptOutIsReportedWithItsSource() throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": false}");

    CliRun run = CliRun.run("", "status", "--config", config.toString());

    assertEquals(0, run.status, run.toString());
    assertTrue(run.out.contains("telemetry: disabled"), run.toString());
    String switchLine = null;
    for (String line : run.outLines()) {
      if (line.trim().startsWith("allowAnonymousTelemetry:")) {
        switchLine = line;
      }
    }
    assertTrue(switchLine != null, run.toString());
    assertTrue(switchLine.contains("false"), switchLine);
    assertTrue(switchLine.contains(config.toString()), "the switch names its source: " + switchLine);
  }

  @Test
  void malformedConfigIsDisabledWithTheProblemShown() throws Exception {
    Path config = Files.writeString(dir.resolve("config.json"), "{\n  \"allowAnonymousTelemetry\": tru\n}");

    CliRun run = CliRun.run("", "status", "--config", config.toString());

    assertEquals(0, run.status, run.toString());
    assertTrue(run.out.contains("telemetry: disabled"), run.toString());
    assertTrue(run.out.contains("problem:") && run.out.contains("line 2"), run.toString());
  }

  @Test
  void unexpectedArgumentIsAUsageError() {
    CliRun run = CliRun.run("", "status", "--bogus");
    assertEquals(2, run.status, run.toString());
    assertTrue(run.err.contains("--bogus"), run.err);
  }
}
