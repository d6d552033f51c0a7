package io.tracked.hosts.inherit;

/** Implements {@code handle(T)} as {@code handle(String)}; javac adds a bridge {@code handle(Object)}. */
public class TextHandler implements Handler<String> {
  @Override
  public void handle(String value) {}
}
