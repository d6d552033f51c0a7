package io.tracked.agent.consent;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.BiFunction;

/**
 * Reads a consent setting from a JSON file the way Continue does (comments and trailing commas
 * allowed), re-parsing only when the file changed. Everything that can go wrong with a file the
 * user edits (missing, empty, half-written, binary, a directory, unreadable) becomes a reading, never
 * an exception; all but a missing file deny, each with a line that names the file and the fix.
 */
final class JsoncFileReader {

  /** Built on first read, on the agent's thread: Jackson takes a while to load and the host's main thread must not wait. */
  private static final class Jsonc {
    static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .build();
  }

  private final Path file;
  private final String name;
  private final String whenMissing;
  private final BiFunction<JsonNode, String, SwitchReading> judge;
  private Object lastStamp;
  private SwitchReading lastReading;

  /**
   * @param whenMissing how a missing file is described, e.g. "no such file: allowed, as in Continue"
   * @param judge turns the parsed top-level object into a reading
   */
  JsoncFileReader(Path file, String name, String whenMissing, BiFunction<JsonNode, String, SwitchReading> judge) {
    this.file = file;
    this.name = name;
    this.whenMissing = whenMissing;
    this.judge = judge;
  }

  Path file() {
    return file;
  }

  synchronized SwitchReading read() {
    String source = file.toString();
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException missing) {
      lastStamp = null;
      return SwitchReading.allow(name, "absent", source + " (" + whenMissing + ")");
    } catch (IOException | SecurityException unreadable) {
      return SwitchReading.unreadable(name, source, "cannot read " + source + ": " + unreadable
          + "; telemetry stays off. Fix: make the file readable, or remove it");
    }
    if (attributes.isDirectory()) {
      return SwitchReading.unreadable(name, source, source
          + " is a directory, not a file; telemetry stays off. Fix: replace it with a JSON file, or remove it");
    }
    // Editors save by rewriting or renaming; size, modification time and identity tell us whether to re-parse.
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
      if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        return SwitchReading.unreadable(name, source, source
            + " is empty; telemetry stays off. Fix: write {} into it, or remove it");
      }
      root = Jsonc.MAPPER.readTree(bytes);
    } catch (JsonParseException malformed) {
      JsonLocation at = malformed.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      return SwitchReading.unreadable(name, source, source + " is not valid JSON" + where + " ("
          + malformed.getOriginalMessage().split("\n")[0] + "); telemetry stays off until it is fixed");
    } catch (IOException | RuntimeException unreadable) {
      return SwitchReading.unreadable(name, source, "cannot read " + source + ": " + unreadable
          + "; telemetry stays off. Fix: make the file readable, or remove it");
    }
    if (root == null || !root.isObject()) {
      return SwitchReading.unreadable(name, source, source
          + " does not hold a JSON object; telemetry stays off. Fix: make its top level {...}");
    }
    return judge.apply(root, source);
  }
}
