package io.tracked.sample.editor;

/** The editor's own clipboard: headless, so it never touches the system clipboard. */
public final class Clipboard {

  private String content = "";

  public void put(String text) {
    content = text;
  }

  public String content() {
    return content;
  }
}
