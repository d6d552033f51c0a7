package io.tracked.agent.consent;

import java.nio.file.Path;

/**
 * {@code sharedConfig.allowAnonymousTelemetry} in {@code <continue dir>/index/globalContext.json},
 * where Continue keeps the setting after migrating it out of {@code config.json}. A missing file or
 * key expresses no opinion; {@code false} turns telemetry off whatever {@code config.json} says.
 */
public final class GlobalContextSwitch implements ConsentSwitch {

  static final String NAME = "sharedConfig.allowAnonymousTelemetry";

  private final Path file;
  // Made at the first read, on the agent's thread: the host's start never loads the JSON reader.
  private JsoncFileReader reader;

  public GlobalContextSwitch(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized SwitchReading read() {
    if (reader == null) {
      reader = new JsoncFileReader(file, NAME, "no such file: no opinion",
          new String[] {"sharedConfig", "allowAnonymousTelemetry"},
          JsoncFileReader.booleanSetting(NAME, "not set: no opinion"));
    }
    return reader.read();
  }
}
