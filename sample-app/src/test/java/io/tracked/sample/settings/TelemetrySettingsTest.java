package io.tracked.sample.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetrySettingsTest {

  @TempDir Path home;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final AtomicLong clock = new AtomicLong();

  private Path file() {
    return home.resolve(".tracked-sample").resolve("settings.json");
  }

  private TelemetrySettings settings() {
    return new TelemetrySettings(file(), new PrintStream(err, true, StandardCharsets.UTF_8), clock::get);
  }

  private void write(String json) throws Exception {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), json);
  }

  private List<String> errLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aMissingFileMeansEnabled() {
    assertTrue(settings().telemetryEnabled());
    assertEquals(List.of(), errLines());
  }

  @Test
  void readsTrueAndFalse() throws Exception {
    write("{\"telemetryEnabled\": true}");
    assertTrue(settings().telemetryEnabled());
    write("{\"telemetryEnabled\": false, \"theme\": \"dark\"}");
    assertFalse(settings().telemetryEnabled());
  }

  @Test
  void aMissingKeyMeansEnabled() throws Exception {
    write("{\"theme\": \"dark\"}");
    assertTrue(settings().telemetryEnabled());
  }

  @Test
  void aMalformedFileMeansDisabledAndIsReportedOncePerProblem() throws Exception {
    TelemetrySettings settings = settings();
    write("{\"telemetryEnabled\": tru");
    assertFalse(settings.telemetryEnabled());
    clock.addAndGet(5_000_000_000L); // re-read: the same problem is not reported again
    assertFalse(settings.telemetryEnabled());
    assertEquals(1, errLines().size(), errLines().toString());
    String line = errLines().get(0);
    assertTrue(line.startsWith("sample-app: telemetry is off because " + file() + " is not valid JSON"), line);
    assertTrue(line.contains("{\"telemetryEnabled\": true}"), line);

    write("{\"telemetryEnabled\": \"yes\"}");
    assertFalse(settings.telemetryEnabled());
    write("[true]");
    assertFalse(settings.telemetryEnabled());
    write("");
    assertFalse(settings.telemetryEnabled());
    assertEquals(4, errLines().size(), errLines().toString());
    assertTrue(errLines().get(1).contains("\"telemetryEnabled\": \"yes\", which is not true or false"));
    assertTrue(errLines().get(2).contains("is not a JSON object"));
    assertTrue(errLines().get(3).contains("is empty"));
  }

  @Test
  void aFixedFileIsReadAgainAndANewBreakageReportedAgain() throws Exception {
    TelemetrySettings settings = settings();
    write("{");
    assertFalse(settings.telemetryEnabled());
    write("{\"telemetryEnabled\": true}");
    assertTrue(settings.telemetryEnabled());
    write("{");
    assertFalse(settings.telemetryEnabled());
    assertEquals(2, errLines().size(), errLines().toString());
  }

  @Test
  void anUnreadableFileMeansDisabled() throws Exception {
    Files.createDirectories(file()); // a directory where the file should be
    assertFalse(settings().telemetryEnabled());
    assertTrue(errLines().get(0).contains("cannot be read"), errLines().toString());
  }

  @Test
  void changesAreSeenWhileRunning() throws Exception {
    TelemetrySettings settings = settings();
    assertTrue(settings.telemetryEnabled());
    write("{\"telemetryEnabled\": false}");
    assertFalse(settings.telemetryEnabled());
    Files.delete(file());
    assertTrue(settings.telemetryEnabled());
  }

  @Test
  void anUnchangedFileIsNotParsedAgainUntilASecondHasPassed() throws Exception {
    TelemetrySettings settings = settings();
    write("{\"telemetryEnabled\": true }");
    FileTime time = Files.getLastModifiedTime(file());
    assertTrue(settings.telemetryEnabled());
    // Same size, same file, same time: as a file system with coarse times would show it.
    write("{\"telemetryEnabled\": false}");
    Files.setLastModifiedTime(file(), time);
    assertTrue(settings.telemetryEnabled(), "a file that looks unchanged is served from memory");
    clock.addAndGet(1_000_000_000L);
    assertFalse(settings.telemetryEnabled(), "but read again once a second");
  }

  @Test
  void theDefaultFileIsUnderUserHome() {
    String saved = System.getProperty("user.home");
    try {
      System.setProperty("user.home", home.toString());
      assertEquals(file(), TelemetrySettings.forCurrentUser(System.err).file());
    } finally {
      System.setProperty("user.home", saved);
    }
  }
}
