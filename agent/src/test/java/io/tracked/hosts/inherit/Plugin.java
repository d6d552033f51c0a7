package io.tracked.hosts.inherit;

import io.tracked.api.NotTracked;
import io.tracked.api.Tracked;

/** A plugin API: the annotation is on the interface only. */
public interface Plugin {
  @Tracked("plugin_ran")
  void run(String command, @NotTracked String document);
}
