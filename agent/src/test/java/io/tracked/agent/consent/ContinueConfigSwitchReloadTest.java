package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same switch instance follows the file as the user edits it, without a restart. */
class ContinueConfigSwitchReloadTest {

  @TempDir Path dir;

  @Test
  void followsAChangedValue() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": true}");
    ContinueConfigSwitch consent = new ContinueConfigSwitch(file);
    assertTrue(consent.read().allows());

    ConfigFiles.replace(file, "{\"allowAnonymousTelemetry\": false}");
    assertFalse(consent.read().allows());

    ConfigFiles.replace(file, "{\"allowAnonymousTelemetry\": true}");
    assertTrue(consent.read().allows());
  }

  @Test
  void sameSizeRewriteIsNoticed() throws Exception {
    // Same length, so only the new file (and its time) tells the two apart.
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": true ,\"a\":1}");
    ContinueConfigSwitch consent = new ContinueConfigSwitch(file);
    assertTrue(consent.read().allows());

    ConfigFiles.replace(file, "{\"allowAnonymousTelemetry\": false,\"a\":1}");
    assertFalse(consent.read().allows());
  }

  @Test
  void brokenThenFixedIsAllowedAgain() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": true}");
    ContinueConfigSwitch consent = new ContinueConfigSwitch(file);
    assertTrue(consent.read().allows());

    ConfigFiles.replace(file, "{\"allowAnonymousTelemetry\": true,,, oops");
    SwitchReading broken = consent.read();
    assertFalse(broken.allows());
    assertNotNull(broken.problem());

    ConfigFiles.replace(file, "{\"allowAnonymousTelemetry\": true}");
    SwitchReading fixed = consent.read();
    assertTrue(fixed.allows(), fixed.toString());
    assertNull(fixed.problem());
  }

  @Test
  void deletedFileMeansAllowedAgain() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": false}");
    ContinueConfigSwitch consent = new ContinueConfigSwitch(file);
    assertFalse(consent.read().allows());

    Files.delete(file);
    SwitchReading reading = consent.read();
    assertTrue(reading.allows());
    assertEquals("absent", reading.value());
  }

  @Test
  void fileAppearingLaterIsRead() throws Exception {
    Path file = dir.resolve("config.json");
    ContinueConfigSwitch consent = new ContinueConfigSwitch(file);
    assertTrue(consent.read().allows());

    ConfigFiles.replace(file, "{\"allowAnonymousTelemetry\": false}");
    assertFalse(consent.read().allows());
  }
}
