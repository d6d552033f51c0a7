package io.tracked.sample;

/** The editor's own clipboard: headless, so it never touches the system clipboard. */
final class Clipboard {

  private String content = "";

  void put(String text) {
    content = text;
  }

  String content() {
    return content;
  }
}
