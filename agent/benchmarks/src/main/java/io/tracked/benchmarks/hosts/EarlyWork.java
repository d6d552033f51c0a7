package io.tracked.benchmarks.hosts;

import io.tracked.api.Tracked;

/** The early host's tracked class: three arguments, the shape of the sample editor's autocomplete event. */
public final class EarlyWork {

  @Tracked("autocomplete")
  public int suggestionSettled(boolean accepted, String modelName, long time) {
    return accepted ? modelName.length() : (int) (time & 7);
  }
}
