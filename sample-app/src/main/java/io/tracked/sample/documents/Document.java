package io.tracked.sample.documents;

import java.util.Objects;

/**
 * An open file: its absolute path, its text and the cursor. Everything the editor does to a file goes
 * through here, so that the cursor always stays inside the text.
 */
public final class Document {

  private final String path;
  private final StringBuilder text;
  private int cursor;

  Document(String path, String text) {
    this.path = Objects.requireNonNull(path, "path");
    this.text = new StringBuilder(text);
  }

  /** The absolute path, kept as a string: the editor shows it but never touches the disk. */
  public String path() {
    return path;
  }

  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The extension without the dot ("java"), or "" when the name has none. */
  public String fileExtension() {
    String name = fileName();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1);
  }

  public String text() {
    return text.toString();
  }

  public int cursor() {
    return cursor;
  }

  public String textBeforeCursor() {
    return text.substring(0, cursor);
  }

  public int lineCount() {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    // A final newline ends the last line; it does not start another one.
    return text.length() > 0 && text.charAt(text.length() - 1) == '\n' ? lines - 1 : lines;
  }

  public void moveCursorTo(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IndexOutOfBoundsException(
          "cursor " + offset + " outside " + fileName() + " (length " + text.length() + ")");
    }
    cursor = offset;
  }

  /** Puts the cursor right after the first occurrence of {@code anchor}. */
  public void moveCursorAfter(String anchor) {
    int at = text.indexOf(anchor);
    if (at < 0) {
      throw new IllegalArgumentException(fileName() + " does not contain the anchor text");
    }
    moveCursorTo(at + anchor.length());
  }

  public void moveCursorToEnd() {
    cursor = text.length();
  }

  /** Inserts at the cursor and moves the cursor past the insertion, as typing does. */
  public void type(String typed) {
    text.insert(cursor, typed);
    cursor += typed.length();
  }

  /** Inserts elsewhere; the cursor keeps its place in the text around it. */
  public void insertAt(int offset, String inserted) {
    if (offset < 0 || offset > text.length()) {
      throw new IndexOutOfBoundsException("offset " + offset + " outside " + fileName());
    }
    text.insert(offset, inserted);
    if (cursor >= offset) {
      cursor += inserted.length();
    }
  }

  /** Replaces the whole text, as an edit applied by a model does, and puts the cursor back. */
  public void replaceText(String newText, int newCursor) {
    text.setLength(0);
    text.append(newText);
    moveCursorTo(Math.min(Math.max(newCursor, 0), text.length()));
  }
}
