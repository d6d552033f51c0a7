package io.tracked.agent.consent;

import java.nio.file.Path;

/**
 * {@code allowAnonymousTelemetry} in Continue's {@code config.json}, read the way Continue reads it:
 * JSON with comments and trailing commas, a missing file or key meaning allowed. A file that cannot
 * be parsed, or a value that is not a boolean, means NOT allowed until the user fixes it.
 */
public final class ContinueConfigSwitch implements ConsentSwitch {

  static final String KEY = "allowAnonymousTelemetry";

  private final Path file;
  // Made at the first read, on the agent's thread: the host's start never loads the JSON reader.
  private JsoncFileReader reader;

  public ContinueConfigSwitch(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized SwitchReading read() {
    if (reader == null) {
      reader = new JsoncFileReader(file, KEY, "no such file: allowed, as in Continue", new String[] {KEY},
          JsoncFileReader.booleanSetting(KEY, "key not set: allowed, as in Continue"));
    }
    return reader.read();
  }
}
