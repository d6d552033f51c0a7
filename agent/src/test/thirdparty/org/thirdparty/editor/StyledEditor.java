package org.thirdparty.editor;

/** A parameter whose name the sanitizer reads as a secret ("key"), although it holds a language. */
public class StyledEditor {
  public void setStyle(String styleKey) {}
}
