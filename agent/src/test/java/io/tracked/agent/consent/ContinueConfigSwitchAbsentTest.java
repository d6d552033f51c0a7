package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As in Continue, a missing config file or a missing key means allowed. */
class ContinueConfigSwitchAbsentTest {

  @TempDir Path dir;

  @Test
  void missingFileAllows() {
    SwitchReading reading = new ContinueConfigSwitch(dir.resolve("config.json")).read();

    assertTrue(reading.allows());
    assertEquals("allowAnonymousTelemetry", reading.name());
    assertEquals("absent", reading.value());
    assertNull(reading.problem());
  }

  @Test
  void missingDirectoryAllows() {
    assertTrue(new ContinueConfigSwitch(dir.resolve("no").resolve("such").resolve("config.json")).read().allows());
  }

  @Test
  void missingKeyAllows() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{\"models\": [], \"tabAutocompleteModel\": {}}");

    SwitchReading reading = new ContinueConfigSwitch(file).read();
    assertTrue(reading.allows(), reading.toString());
    assertEquals("absent", reading.value());
    assertNull(reading.problem());
  }

  @Test
  void nullValueCountsAsMissing() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": null}");
    assertTrue(new ContinueConfigSwitch(file).read().allows());
  }
}
