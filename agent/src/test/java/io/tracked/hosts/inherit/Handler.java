package io.tracked.hosts.inherit;

import io.tracked.api.Tracked;

/** A generic interface: implementations get bridge methods. */
public interface Handler<T> {
  @Tracked("handled")
  void handle(T value);
}
