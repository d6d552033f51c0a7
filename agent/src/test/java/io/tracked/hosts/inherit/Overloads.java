package io.tracked.hosts.inherit;

import io.tracked.api.Tracked;

/** Overloads that delegate, both tracked under one event, and a different event nested inside. */
public class Overloads {

  @Tracked("inserted")
  public void insert(String text) {
    insert(text, false);
  }

  @Tracked("inserted")
  public void insert(String text, boolean replace) {
    formatted("java");
  }

  @Tracked("formatted")
  public void formatted(String language) {}
}
