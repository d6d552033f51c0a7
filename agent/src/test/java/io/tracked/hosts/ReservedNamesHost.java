package io.tracked.hosts;

import io.tracked.api.Tracked;
import io.tracked.api.TrackedProperty;

/** A host whose tracked method names its properties after what the agent owns or PostHog reserves. */
public class ReservedNamesHost {
  @Tracked("spoofing")
  public void spoof(@TrackedProperty("$ip") String ip, @TrackedProperty("os") String os,
      @TrackedProperty("$set") String person, @TrackedProperty("prompt") String prompt,
      @TrackedProperty("$current_url") String route, @TrackedProperty("model") String model) {}
}
