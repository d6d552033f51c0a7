package io.tracked.agent.consent;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * {@code allowAnonymousTelemetry} in Continue's {@code config.json}, read the way Continue reads it:
 * JSON with comments and trailing commas, a missing file or key meaning allowed. A file that cannot
 * be parsed, or a value that is not a boolean, means NOT allowed until the user fixes it.
 */
public final class ContinueConfigSwitch implements ConsentSwitch {

  static final String KEY = "allowAnonymousTelemetry";

  private final JsoncFileReader reader;

  public ContinueConfigSwitch(Path file) {
    this.reader = new JsoncFileReader(file, KEY, "no such file: allowed, as in Continue", ContinueConfigSwitch::judge);
  }

  public Path file() {
    return reader.file();
  }

  @Override
  public SwitchReading read() {
    return reader.read();
  }

  private static SwitchReading judge(JsonNode root, String source) {
    JsonNode value = root.get(KEY);
    if (value == null || value.isNull()) {
      return SwitchReading.allow(KEY, "absent", source + " (key not set: allowed, as in Continue)");
    }
    if (!value.isBoolean()) {
      return SwitchReading.unreadable(KEY, source, KEY + " in " + source + " is " + value
          + ", not true or false; telemetry stays off. Fix: set it to true or false");
    }
    return value.booleanValue() ? SwitchReading.allow(KEY, "true", source) : SwitchReading.deny(KEY, "false", source);
  }
}
