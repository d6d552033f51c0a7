package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config file the user broke while pasting a key must not print that key: problems name the file,
 * the position and the kind of error, never a piece of the content.
 */
class ContinueConfigSwitchNeverQuotesContentTest {

  private static final String SECRET = "sk_live_51HxQf7Zq9ReallySecret";

  @TempDir Path dir;

  @Test
  void malformedFilesAreDescribedWithoutTheirContent() throws Exception {
    List<String> brokenFiles = List.of(
        "{\"allowAnonymousTelemetry\": " + SECRET + "}", // an unquoted word
        "{\"apiKey\": \"" + SECRET + "\" \"allowAnonymousTelemetry\": true}", // a missing comma after it
        "{" + SECRET + ": true}", // an unquoted key
        "{\"apiKey\": \"" + SECRET, // cut in the middle of a string
        "{\"apiKey\": \"" + SECRET + "\"} " + SECRET, // content after the object
        "{\"apiKey\": \"" + SECRET + "\u0001\"}", // a control character
        "[\"" + SECRET + "\"]"); // not an object
    int n = 0;
    for (String text : brokenFiles) {
      Path file = ConfigFiles.replace(dir.resolve("config" + n++ + ".json"), text);
      SwitchReading reading = new ContinueConfigSwitch(file).read();
      assertFalse(reading.allows(), text);
      assertNotNull(reading.problem(), text);
      assertNoSecret(reading.problem() + " " + reading.describe());
      assertTrue(reading.problem().contains(file.toString()), reading.problem());
    }
  }

  @Test
  void aWrongValueIsDescribedByItsKind() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": \"" + SECRET + "\"}");
    SwitchReading reading = new ContinueConfigSwitch(file).read();
    assertFalse(reading.allows());
    assertTrue(reading.problem().contains("a string, not true or false"), reading.problem());
    assertNoSecret(reading.problem() + " " + reading.describe());
  }

  private static void assertNoSecret(String text) {
    // Not even a fragment: any 6 characters of the secret would be a leak.
    for (int i = 0; i + 6 <= SECRET.length(); i++) {
      assertFalse(text.contains(SECRET.substring(i, i + 6)), "quotes the file: " + text);
    }
  }
}
