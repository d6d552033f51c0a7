package io.tracked.agent.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Names what sits at a path, for messages, without opening it (opening a FIFO blocks). */
final class FileKind {

  private FileKind() {}

  /** "a named pipe (FIFO)", "a character device", ...; following links unless {@code options} say not to. */
  static String describe(Path path, LinkOption... options) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, options);
      if (attributes.isDirectory()) {
        return "a directory";
      }
      if (attributes.isRegularFile()) {
        return "a regular file";
      }
      if (attributes.isSymbolicLink()) {
        return "a symbolic link";
      }
      return special(path, options);
    } catch (IOException | SecurityException | UnsupportedOperationException unreadable) {
      return "unreadable";
    }
  }

  private static String special(Path path, LinkOption... options) {
    try {
      int type = ((Integer) Files.getAttribute(path, "unix:mode", options)) & 0170000;
      switch (type) {
        case 0010000:
          return "a named pipe (FIFO)";
        case 0020000:
          return "a character device";
        case 0060000:
          return "a block device";
        case 0140000:
          return "a socket";
        default:
          return "a special file";
      }
    } catch (IOException | RuntimeException noUnixView) {
      return "a special file (device, pipe or socket)";
    }
  }
}
