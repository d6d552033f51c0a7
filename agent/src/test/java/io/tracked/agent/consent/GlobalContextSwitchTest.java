package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Continue's migrated copy of the setting: absent means no opinion, false turns telemetry off. */
class GlobalContextSwitchTest {

  @TempDir Path dir;

  private SwitchReading read(String json) throws IOException {
    Path file = dir.resolve("globalContext.json");
    if (json != null) {
      ConfigFiles.replace(file, json);
    }
    return new GlobalContextSwitch(file).read();
  }

  @Test
  void missingFileOrKeyExpressesNoOpinion() throws IOException {
    assertTrue(read(null).allows());
    assertTrue(read("{\"selectedModel\": \"gpt-4o\"}").allows());
    assertTrue(read("{\"sharedConfig\": {\"theme\": \"dark\"}}").allows());
  }

  @Test
  void falseThereTurnsTelemetryOff() throws IOException {
    SwitchReading reading = read("{\"sharedConfig\": {\"allowAnonymousTelemetry\": false}}");
    assertFalse(reading.allows());
    assertTrue(reading.known());
    assertTrue(read("{\"sharedConfig\": {\"allowAnonymousTelemetry\": true}}").allows());
  }

  @Test
  void wrongTypeOrBrokenFileDeniesWithAFix() throws IOException {
    SwitchReading wrongType = read("{\"sharedConfig\": {\"allowAnonymousTelemetry\": \"no\"}}");
    assertFalse(wrongType.allows());
    assertNotNull(wrongType.problem());
    assertTrue(wrongType.problem().contains("Fix:"), wrongType.problem());
    SwitchReading broken = read("{\"sharedConfig\": ");
    assertFalse(broken.allows());
    assertTrue(broken.problem().contains("not valid JSON"), broken.problem());
  }

  @Test
  void fileThatAppearsLaterIsRead() throws IOException {
    Path file = dir.resolve("index/globalContext.json");
    GlobalContextSwitch globalContext = new GlobalContextSwitch(file);
    assertTrue(globalContext.read().allows());
    Files.createDirectories(file.getParent());
    ConfigFiles.replace(file, "{\"sharedConfig\": {\"allowAnonymousTelemetry\": false}}");
    assertFalse(globalContext.read().allows());
  }
}
