package io.tracked.benchmarks.hosts;

import java.time.Instant;
import javax.swing.JTextArea;

/**
 * A Swing editor in miniature whose main class is its text area, named by the agent's
 * {@code methods=} option (no annotation, no API on the class path): the shape of a real editor
 * instrumented without touching its source. It prints, first thing in {@code main}, the time it got
 * there ({@code main-at <epoch micros>}), so the harness can measure time to {@code main}; then it
 * types into a headless {@link JTextArea} and exits.
 */
public final class SwingLikeEditor {

  private final JTextArea area = new JTextArea();

  public static void main(String[] args) {
    Instant now = Instant.now();
    System.out.println("main-at " + (now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000));
    SwingLikeEditor editor = new SwingLikeEditor();
    for (int i = 0; i < 200; i++) {
      editor.insert("word" + i + ' ', i);
    }
    System.out.println("typed " + editor.area.getText().length() + " characters");
  }

  /** The method the agent is told to track ({@code methods=...SwingLikeEditor[insert]}). */
  public int insert(String text, int position) {
    area.append(text);
    return area.getText().length() + position;
  }
}
