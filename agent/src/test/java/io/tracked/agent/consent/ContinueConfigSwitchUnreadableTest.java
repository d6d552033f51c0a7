package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config that cannot be understood means NOT allowed, with a one-line problem saying what to fix. */
class ContinueConfigSwitchUnreadableTest {

  @TempDir Path dir;

  private SwitchReading readDenied(Path file) {
    SwitchReading reading = new ContinueConfigSwitch(file).read();
    assertFalse(reading.allows(), reading.toString());
    assertEquals("unreadable", reading.value());
    assertNotNull(reading.problem());
    assertTrue(reading.problem().contains(file.toString()), "problem names the file: " + reading.problem());
    assertFalse(reading.problem().contains("\n"), "one line: " + reading.problem());
    return reading;
  }

  @Test
  void malformedJsonDeniesNamingFileLineAndColumn() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), String.join("\n",
        "{",
        "  \"models\": [],",
        "  \"allowAnonymousTelemetry\": tru",
        "}"));
    String problem = readDenied(file).problem();

    assertTrue(problem.contains("line 3"), problem);
    assertTrue(problem.contains("column "), problem);
    assertTrue(problem.contains("not valid JSON"), problem);
  }

  @Test
  void unclosedObjectDenies() throws Exception {
    readDenied(ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": true"));
  }

  @Test
  void nonBooleanValueDenies() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": \"false\"}");
    String problem = readDenied(file).problem();
    assertTrue(problem.contains("not true or false"), problem);
  }

  @Test
  void numberValueDenies() throws Exception {
    readDenied(ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": 1}"));
  }

  @Test
  void emptyFileDenies() throws Exception {
    String problem = readDenied(ConfigFiles.replace(dir.resolve("config.json"), "")).problem();
    assertTrue(problem.contains("empty"), problem);
  }

  @Test
  void whitespaceOnlyFileDenies() throws Exception {
    readDenied(ConfigFiles.replace(dir.resolve("config.json"), "  \n\t "));
  }

  @Test
  void binaryGarbageDenies() throws Exception {
    byte[] garbage = {0x00, (byte) 0xFF, (byte) 0xFE, 0x13, (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x7F};
    readDenied(ConfigFiles.replace(dir.resolve("config.json"), garbage));
  }

  @Test
  void topLevelArrayDenies() throws Exception {
    readDenied(ConfigFiles.replace(dir.resolve("config.json"), "[{\"allowAnonymousTelemetry\": true}]"));
  }

  @Test
  void directoryInsteadOfFileDenies() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("config.json"));
    String problem = readDenied(directory).problem();
    assertTrue(problem.contains("directory"), problem);
  }
}
