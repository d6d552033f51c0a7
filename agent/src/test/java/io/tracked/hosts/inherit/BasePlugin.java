package io.tracked.hosts.inherit;

import io.tracked.api.Tracked;

/** Implements the interface, and declares its own tracked method for subclasses to override. */
public abstract class BasePlugin implements Plugin {

  public int ran;

  @Override
  public void run(String command, String document) {
    ran++;
  }

  @Tracked("configured")
  public abstract void configure(String setting);

  @Tracked("saved")
  public void save(String format) {}
}
