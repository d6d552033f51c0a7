package org.plugin;

import io.tracked.api.Tracked;

/** A plugin class, loaded by a class loader with no parent: it sees only the JDK and its own jar. */
public class Greeter implements Runnable {
  @Override
  public void run() {
    greet("hello-world");
  }

  @Tracked("plugin_greeted")
  public void greet(String greeting) {}
}
