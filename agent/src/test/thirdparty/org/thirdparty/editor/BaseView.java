package org.thirdparty.editor;

/** Declares {@code refresh()}, which {@link ListView} only inherits. */
public class BaseView {
  public void refresh() {}
}
