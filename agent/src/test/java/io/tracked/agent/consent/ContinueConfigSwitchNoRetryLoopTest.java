package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that keeps failing is judged once per version, not once per poll: the once-a-second poll
 * must not turn a broken or refused file into a read loop (a link to /dev/zero once cost 25 full GCs
 * in 11 s), and the fix is picked up as soon as the file changes.
 */
class ContinueConfigSwitchNoRetryLoopTest {

  @TempDir Path dir;

  @Test
  void aBrokenFileIsNotReparsedUntilItChanges() throws Exception {
    Path file = ConfigFiles.replace(dir.resolve("config.json"), "{ \"allowAnonymousTelemetry\": tru }");
    ContinueConfigSwitch configSwitch = new ContinueConfigSwitch(file);
    SwitchReading first = configSwitch.read();
    assertFalse(first.allows());
    assertSame(first, configSwitch.read(), "an unchanged broken file is not parsed again");

    ConfigFiles.replace(file, "{ \"allowAnonymousTelemetry\": true }");
    SwitchReading fixed = configSwitch.read();
    assertNotSame(first, fixed);
    assertTrue(fixed.allows(), fixed.toString());
  }

  @Test
  void aRefusedFileIsNotInspectedAgainUntilItChanges() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("config.json"), Path.of("/dev/zero"));
    ContinueConfigSwitch configSwitch = new ContinueConfigSwitch(link);
    SwitchReading first = configSwitch.read();
    assertFalse(first.allows());
    assertSame(first, configSwitch.read());

    Files.delete(link);
    ConfigFiles.replace(dir.resolve("config.json"), "{}");
    assertTrue(configSwitch.read().allows());
  }
}
