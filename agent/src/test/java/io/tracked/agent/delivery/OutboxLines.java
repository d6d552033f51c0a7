package io.tracked.agent.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Outbox lines that are easy to check, and every line of an outbox with its rolled files. */
final class OutboxLines {

  private OutboxLines() {}

  static String line(String id) {
    return "{\"event\":\"chat\",\"uuid\":\"" + id + "\",\"properties\":{\"pad\":\"" + "x".repeat(60) + "\"}}";
  }

  /** Lines of NAME.kept ... NAME.1, NAME: oldest first. */
  static List<String> all(Path outbox, int kept) {
    List<String> lines = new ArrayList<>();
    for (int generation = kept + 5; generation >= 0; generation--) {
      Path file = generation == 0 ? outbox : outbox.resolveSibling(outbox.getFileName() + "." + generation);
      if (Files.exists(file)) {
        try {
          lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return lines;
  }

  /** The id of a well-formed line, or null. */
  static String id(String line) {
    if (!line.startsWith("{\"event\":\"chat\",\"uuid\":\"") || !line.endsWith("\"}}") || line.length() != line("x").length() - 1 + idLength(line)) {
      return null;
    }
    return line.substring(24, line.indexOf('"', 24));
  }

  private static int idLength(String line) {
    int end = line.indexOf('"', 24);
    return end < 0 ? -1000 : end - 24;
  }
}
