package io.tracked.hosts.inherit;

/** Implements the annotated interface directly, with no annotation of its own. */
public class DirectPlugin implements Plugin {
  @Override
  public void run(String command, String document) {}
}
