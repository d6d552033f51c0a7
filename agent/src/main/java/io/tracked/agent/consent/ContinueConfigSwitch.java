package io.tracked.agent.consent;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code allowAnonymousTelemetry} in Continue's {@code config.json}, read the way Continue reads it:
 * JSON with comments and trailing commas, a missing file or key meaning allowed. A file that cannot
 * be parsed, or a value that is not a boolean, means NOT allowed until the user fixes it.
 */
public final class ContinueConfigSwitch implements ConsentSwitch {

  static final String KEY = "allowAnonymousTelemetry";
  private static final JsonMapper JSONC = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();

  private final Path file;
  private Object lastStamp;
  private SwitchReading lastReading;

  public ContinueConfigSwitch(Path file) {
    this.file = file;
  }

  @Override
  public synchronized SwitchReading read() {
    String source = file.toString();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException missing) {
      lastStamp = null;
      return SwitchReading.allow(KEY, "absent", source + " (no such file: allowed, as in Continue)");
    } catch (IOException | SecurityException unreadable) {
      return SwitchReading.unreadable(KEY, source, "cannot read " + source + ": " + unreadable
          + "; telemetry stays off. Fix: make the file readable, or remove it");
    }
    if (attributes.isDirectory()) {
      return SwitchReading.unreadable(KEY, source, source
          + " is a directory, not a file; telemetry stays off. Fix: point the config option at a config.json file");
    }
    // Editors save by rewriting or renaming; size plus modification time tells us whether to re-parse.
    Object stamp = attributes.lastModifiedTime().toMillis() + ":" + attributes.size() + ":" + attributes.fileKey();
    if (stamp.equals(lastStamp) && lastReading != null) {
      return lastReading;
    }
    SwitchReading reading = parse(source);
    lastStamp = stamp;
    lastReading = reading;
    return reading;
  }

  private SwitchReading parse(String source) {
    JsonNode root;
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
        return SwitchReading.unreadable(KEY, source, source
            + " is empty; telemetry stays off. Fix: write {} or {\"allowAnonymousTelemetry\": true} into it");
      }
      root = JSONC.readTree(bytes);
    } catch (JsonParseException malformed) {
      JsonLocation at = malformed.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return SwitchReading.unreadable(KEY, source, source + " is not valid JSON" + where + " ("
          + malformed.getOriginalMessage().split("\n")[0] + "); telemetry stays off until it is fixed");
    } catch (IOException | RuntimeException unreadable) {
      return SwitchReading.unreadable(KEY, source, "cannot read " + source + ": " + unreadable
          + "; telemetry stays off. Fix: make the file readable, or remove it");
    }
    if (root == null || !root.isObject()) {
      return SwitchReading.unreadable(KEY, source, source
          + " does not hold a JSON object; telemetry stays off. Fix: make its top level {...}");
    }
    JsonNode value = root.get(KEY);
    if (value == null || value.isNull()) {
      return SwitchReading.allow(KEY, "absent", source + " (key not set: allowed, as in Continue)");
    }
    if (!value.isBoolean()) {
      return SwitchReading.unreadable(KEY, source, KEY + " in " + source + " is " + value
          + ", not true or false; telemetry stays off. Fix: set it to true or false");
    }
    return value.booleanValue()
        ? SwitchReading.allow(KEY, "true", source)
        : SwitchReading.deny(KEY, "false", source);
  }
}
