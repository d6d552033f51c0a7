package org.thirdparty.editor;

/** Accepting a completion: the short overload delegates to the long one. */
public class Inserter {
  public void insert(Completion c) {
    insert(c, false);
  }

  public void insert(Completion c, boolean replace) {}
}
