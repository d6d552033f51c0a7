package io.tracked.agent.consent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.tracked.agent.files.BoundedFile;
import io.tracked.agent.files.FileStamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * Reads a consent setting from a JSON file the way Continue does (comments and trailing commas
 * allowed), re-parsing only when the file changed. Everything that can go wrong with a file the
 * user edits (missing, empty, half-written, binary, a directory, unreadable, a named pipe, a link to a
 * device, a huge file: see {@link BoundedFile}) becomes a reading, never an exception; all but a
 * missing file deny, each with a line that names the file and the fix and never quotes its content.
 * It streams through the document with jackson-core alone: databind's tree model would cost the
 * agent's start-up a few hundred classes for one value.
 */
final class JsoncFileReader {

  /** What the document held at the path: nothing, null, a boolean, or something else (described). */
  record Value(Kind kind, boolean bool, String description) {
    enum Kind { MISSING, NULL, BOOLEAN, OTHER }
  }

  /** Built on first read, on the agent's thread, never on the host's main thread. */
  private static final class Jsonc {
    static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
        .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
        .build();
  }

  private final Path file;
  private final String name;
  private final String whenMissing;
  private final String[] path;
  private final BiFunction<Value, String, SwitchReading> judge;
  private FileStamp lastStamp;
  private SwitchReading lastReading;

  /**
   * @param whenMissing how a missing file is described, e.g. "no such file: allowed, as in Continue"
   * @param path the keys leading to the setting, e.g. {@code sharedConfig, allowAnonymousTelemetry}
   * @param judge turns the value found there into a reading
   */
  JsoncFileReader(Path file, String name, String whenMissing, String[] path,
      BiFunction<Value, String, SwitchReading> judge) {
    this.file = file;
    this.name = name;
    this.whenMissing = whenMissing;
    this.path = path.clone();
    this.judge = judge;
  }

  Path file() {
    return file;
  }

  /**
   * The judge of a boolean setting: absent or null is allowed (with {@code absentNote} saying why),
   * {@code true} allows, {@code false} denies, anything else denies until the user fixes it.
   */
  static BiFunction<Value, String, SwitchReading> booleanSetting(String name, String absentNote) {
    return (value, source) -> {
      switch (value.kind()) {
        case MISSING:
        case NULL:
          return SwitchReading.allow(name, "absent", source + " (" + absentNote + ")");
        case BOOLEAN:
          return value.bool() ? SwitchReading.allow(name, "true", source) : SwitchReading.deny(name, "false", source);
        default:
          return SwitchReading.unreadable(name, source, name + " in " + source + " is " + value.description()
              + ", not true or false; telemetry stays off. Fix: set it to true or false");
      }
    };
  }

  /**
   * Reads the setting, re-parsing only when the file's stamp changed. A file that keeps failing is
   * not re-read until it changes, and a file that is not a small regular file is never opened.
   */
  synchronized SwitchReading read() {
    String source = file.toString();
    FileStamp stamp;
    try {
      stamp = BoundedFile.stamp(file);
    } catch (IOException | SecurityException unreadable) {
      lastStamp = null;
      return SwitchReading.unreadable(name, source, "cannot inspect " + source + " ("
          + BoundedFile.kindOf(unreadable)
          + "); telemetry stays off. Fix: make it and its directory readable, or remove it");
    }
    if (stamp == null) {
      lastStamp = null;
      return SwitchReading.allow(name, "absent", source + " (" + whenMissing + ")");
    }
    if (stamp.equals(lastStamp) && lastReading != null) {
      return lastReading;
    }
    SwitchReading reading = parse(source, BoundedFile.read(file, stamp, BoundedFile.MAX_CONFIG_BYTES));
    lastStamp = stamp;
    lastReading = reading;
    return reading;
  }

  private SwitchReading parse(String source, BoundedFile.Read read) {
    if (read.status() == BoundedFile.Status.MISSING) {
      return SwitchReading.allow(name, "absent", source + " (" + whenMissing + ")");
    }
    if (read.status() == BoundedFile.Status.REFUSED) {
      return SwitchReading.unreadable(name, source, read.problem() + " (telemetry stays off until it is fixed)");
    }
    byte[] bytes = read.bytes();
    Value value;
    try {
      if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        return SwitchReading.unreadable(name, source, source
            + " is empty; telemetry stays off. Fix: write {} into it, or remove it");
      }
      try (JsonParser parser = Jsonc.FACTORY.createParser(bytes)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          return SwitchReading.unreadable(name, source, source
              + " does not hold a JSON object; telemetry stays off. Fix: make its top level {...}");
        }
        value = find(parser, 0);
        if (parser.nextToken() != null) {
          throw new JsonParseException(parser, "unexpected content after the top-level object");
        }
      }
    } catch (JsonParseException malformed) {
      JsonLocation at = malformed.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      // Position and kind only: the parser's own message quotes the text it met, which may be a secret.
      return SwitchReading.unreadable(name, source, source + " is not valid JSON" + where + " ("
          + JsonErrorKind.of(malformed) + "); telemetry stays off until it is fixed");
    } catch (IOException | RuntimeException unreadable) {
      return SwitchReading.unreadable(name, source, "cannot read " + source + " (" + BoundedFile.kindOf(unreadable)
          + "); telemetry stays off. Fix: make the file readable, or remove it");
    }
    return judge.apply(value, source);
  }

  /** Reads the object the parser is in (up to its end), returning what {@code path[depth..]} holds. */
  private Value find(JsonParser parser, int depth) throws IOException {
    Value found = new Value(Value.Kind.MISSING, false, "absent");
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
      if (token == null) {
        throw new JsonParseException(parser, "unexpected end of input");
      }
      String key = parser.currentName();
      JsonToken valueToken = parser.nextToken();
      boolean onPath = path[depth].equals(key);
      if (onPath && depth == path.length - 1) {
        found = describe(parser, valueToken); // the last duplicate wins, as in a JSON object read as a map
      } else if (onPath && valueToken == JsonToken.START_OBJECT) {
        found = find(parser, depth + 1);
      } else {
        parser.skipChildren();
      }
    }
    return found;
  }

  private static Value describe(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_TRUE:
        return new Value(Value.Kind.BOOLEAN, true, "true");
      case VALUE_FALSE:
        return new Value(Value.Kind.BOOLEAN, false, "false");
      case VALUE_NULL:
        return new Value(Value.Kind.NULL, false, "null");
      case VALUE_STRING:
        // The kind, never the text: a wrong value can be something the user pasted by mistake.
        return new Value(Value.Kind.OTHER, false, "a string");
      case START_OBJECT:
        parser.skipChildren();
        return new Value(Value.Kind.OTHER, false, "an object");
      case START_ARRAY:
        parser.skipChildren();
        return new Value(Value.Kind.OTHER, false, "an array");
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Value(Value.Kind.OTHER, false, "a number");
      default:
        return new Value(Value.Kind.OTHER, false, "an unexpected value");
    }
  }
}
