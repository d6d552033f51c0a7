package org.thirdparty.editor;

/** Two overloads both tracked by one entry: one call must still be one event. */
public class Formatter {
  public void format(String language) {
    format(language, 80);
  }

  public void format(String language, int width) {}
}
