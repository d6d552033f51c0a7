package io.tracked.hosts.legacy;

/** A library interface: an entry naming it applies to every implementation. */
public interface Command {
  void execute(String name);
}
