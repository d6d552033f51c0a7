package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** allowAnonymousTelemetry true/false, in JSON with comments and trailing commas as Continue accepts it. */
class ContinueConfigSwitchValueTest {

  @TempDir Path dir;

  @Test
  void trueAllows() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": true}");
    SwitchReading reading = new ContinueConfigSwitch(file).read();

    assertTrue(reading.allows());
    assertEquals("true", reading.value());
    assertEquals(file.toString(), reading.source());
    assertNull(reading.problem());
  }

  @Test
  void falseDenies() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": false}");
    SwitchReading reading = new ContinueConfigSwitch(file).read();

    assertFalse(reading.allows());
    assertEquals("false", reading.value());
    assertEquals(file.toString(), reading.source());
    assertNull(reading.problem(), "a deliberate false is a choice, not a problem");
  }

  @Test
  void commentsAndTrailingCommasAreAccepted() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), String.join("\n",
        "// Continue config",
        "{",
        "  /* telemetry, see docs",
        "     for details */",
        "  \"models\": [",
        "    {\"title\": \"GPT\", \"provider\": \"openai\",}, // trailing comma in object",
        "  ],",
        "  \"allowAnonymousTelemetry\": false, // the user opted out",
        "}",
        ""));
    SwitchReading reading = new ContinueConfigSwitch(file).read();

    assertFalse(reading.allows(), reading.toString());
    assertEquals("false", reading.value());
    assertNull(reading.problem(), reading.toString());
  }

  @Test
  void utf8ByteOrderMarkIsAccepted() throws Exception {
    byte[] text = "{\"allowAnonymousTelemetry\": false}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Path file = ConfigFiles.replace(dir.resolve("config.json"), withBom);

    SwitchReading reading = new ContinueConfigSwitch(file).read();
    assertFalse(reading.allows());
    assertEquals("false", reading.value(), "a BOM written by a Windows editor must not hide the user's choice");
  }
}
