package io.tracked.sample.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracked.api.TelemetrySwitch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The editor's own telemetry switch (like VS Code's "Continue: Telemetry Enabled"), kept in
 * {@code ~/.tracked-sample/settings.json} as {@code {"telemetryEnabled": true}}.
 *
 * <p>The file is re-read while the editor runs, so the user can turn telemetry off without a
 * restart. Checking is cheap enough to do before every user action: the file is parsed again only
 * when its modification time, size or identity changed, or once a second in case the file system
 * keeps coarse times. A missing file (or key) means enabled, the editor's default. A file that
 * cannot be read or understood means disabled until it is fixed, because the user may have been
 * trying to turn telemetry off; each distinct problem is reported once on stderr.
 */
public final class TelemetrySettings {

  private static final String FIX = "{\"telemetryEnabled\": true} or {\"telemetryEnabled\": false}";
  private static final long RECHECK_NANOS = 1_000_000_000L;

  private final Path file;
  private final PrintStream err;
  private final LongSupplier nanoClock;
  private final ObjectMapper json = new ObjectMapper();
  private final Set<String> reported = new HashSet<>();

  private Stamp lastStamp;
  private long lastReadNanos;
  private boolean enabled = true;

  public TelemetrySettings(Path file, PrintStream err) {
    this(file, err, System::nanoTime);
  }

  TelemetrySettings(Path file, PrintStream err, LongSupplier nanoClock) {
    this.file = file;
    this.err = err;
    this.nanoClock = nanoClock;
  }

  /** The settings of the user running the editor: {@code $user.home/.tracked-sample/settings.json}. */
  public static TelemetrySettings forCurrentUser(PrintStream err) {
    return new TelemetrySettings(
        Path.of(System.getProperty("user.home"), ".tracked-sample", "settings.json"), err);
  }

  public Path file() {
    return file;
  }

  /**
   * Whether the user allows telemetry right now. Called before every user action. This is the
   * editor's own telemetry switch: {@code @TelemetrySwitch} hands each value it returns to the agent.
   */
  @TelemetrySwitch
  public synchronized boolean telemetryEnabled() {
    Stamp stamp = Stamp.of(file);
    long now = nanoClock.getAsLong();
    if (lastStamp == null || !stamp.equals(lastStamp) || now - lastReadNanos >= RECHECK_NANOS) {
      lastStamp = stamp;
      lastReadNanos = now;
      enabled = read(stamp);
    }
    return enabled;
  }

  private boolean read(Stamp stamp) {
    if (!stamp.exists()) {
      reported.clear();
      return true;
    }
    String problem;
    try {
      JsonNode root = json.readTree(Files.readAllBytes(file));
      if (root == null || root.isMissingNode()) {
        problem = "is empty";
      } else if (!root.isObject()) {
        problem = "is not a JSON object";
      } else {
        JsonNode value = root.get("telemetryEnabled");
        if (value == null || value.isNull()) {
          reported.clear();
          return true;
        }
        if (value.isBoolean()) {
          reported.clear();
          return value.booleanValue();
        }
        problem = "has \"telemetryEnabled\": " + value + ", which is not true or false";
      }
    } catch (JacksonException e) {
      problem = "is not valid JSON (" + oneLine(e.getOriginalMessage()) + location(e) + ")";
    } catch (IOException e) {
      problem = "cannot be read (" + e.getClass().getSimpleName() + ")";
    }
    if (reported.add(problem)) {
      err.println("sample-app: telemetry is off because " + file + " " + problem
          + "; write " + FIX + " in it, or delete it to use the default (on).");
    }
    return false;
  }

  private static String location(JacksonException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s+", " ").strip();
  }

  /**
   * What tells a changed file from an unchanged one without reading it (the file key catches a
   * replaced file whose time and size happen to match).
   */
  private record Stamp(boolean exists, long modifiedNanos, long size, Object fileKey) {

    static Stamp of(Path file) {
      try {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(
            true,
            attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
            attributes.size(),
            attributes.fileKey());
      } catch (NoSuchFileException e) {
        return new Stamp(false, 0, 0, null);
      } catch (IOException e) {
        // Unreadable attributes: let read() report the problem; a fresh object forces a re-read.
        return new Stamp(true, -1, -1, new Object());
      }
    }
  }
}
