package io.tracked.hosts;

import io.tracked.api.NotTracked;
import io.tracked.api.Tracked;
import io.tracked.api.TrackedProperty;

/**
 * A host class for in-process weaving tests. It lives outside {@code io.tracked.agent}, which the
 * agent never weaves.
 */
public class AnnotatedHost {
  @Tracked("picked")
  public String pick(String modelName, @TrackedProperty("count") int n, @NotTracked String text) {
    return modelName + n;
  }

  @Tracked(value = "measured", returns = "size")
  public long measure(boolean fast) {
    return fast ? 1L : 2L;
  }

  @Tracked
  public void plainName() {}

  @Tracked("quiet_on_throw")
  public void throwsQuietly() {
    throw new IllegalStateException("host failure");
  }

  @Tracked(value = "loud_on_throw", onException = true)
  public void throwsLoudly(String provider) {
    throw new IllegalArgumentException("host failure");
  }

  public int notTracked(int x) {
    return x;
  }
}
