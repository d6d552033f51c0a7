package io.tracked.agent.spool;

import io.tracked.agent.files.BoundedFile;
import io.tracked.agent.files.FileStamp;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The spool's directories: made when missing, refused (with the reason) when something else is there. */
final class SpoolDirectories {

  /** Entries looked at in one directory listing: far above what the byte bound lets the spool write. */
  static final int MAX_LISTED = 100_000;

  private SpoolDirectories() {}

  /** A path that cannot serve as a directory, and why, for a one-line message. */
  static final class Unusable extends IOException {
    final Path path;
    final String why;
    final String fix;

    Unusable(Path path, String why, String fix) {
      super(path + ": " + why);
      this.path = path;
      this.why = why;
      this.fix = fix;
    }
  }

  /** Makes {@code directory} (and its parents) if missing; throws {@link Unusable} with the culprit otherwise. */
  static void ensure(Path directory) throws Unusable {
    if (Files.isDirectory(directory)) {
      return;
    }
    Path culprit = firstNonDirectory(directory);
    if (culprit != null) {
      throw new Unusable(culprit, "it is " + kind(culprit) + ", not a directory",
          "remove or rename it (the agent makes the directory)");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException refused) {
      throw unusable(directory, refused);
    } catch (SecurityException refused) {
      throw new Unusable(directory, String.valueOf(refused.getMessage()), "make its parent writable");
    }
  }

  /** Whether {@code directory} exists as a directory; throws {@link Unusable} when something else is there. */
  static boolean exists(Path directory) throws Unusable {
    if (Files.isDirectory(directory)) {
      return true;
    }
    if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(directory)) {
      throw new Unusable(directory, "it is " + kind(directory) + ", not a directory",
          "remove or rename it (the agent makes the directory)");
    }
    return false;
  }

  /** The names in {@code directory}, at most {@link #MAX_LISTED}. */
  static List<String> list(Path directory) throws Unusable {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        names.add(entry.getFileName().toString());
        if (names.size() >= MAX_LISTED) {
          break;
        }
      }
    } catch (NoSuchFileException gone) {
      return names;
    } catch (IOException refused) {
      throw unusable(directory, refused);
    } catch (SecurityException | java.nio.file.DirectoryIteratorException refused) {
      throw new Unusable(directory, String.valueOf(refused.getMessage()), "check that it is a readable directory");
    }
    return names;
  }

  /** A one-line reason and fix for a refused file operation inside or on {@code directory}. */
  static Unusable unusable(Path directory, IOException refused) {
    String reason = refused instanceof FileSystemException && ((FileSystemException) refused).getReason() != null
        ? ((FileSystemException) refused).getReason()
        : refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage();
    String lower = reason.toLowerCase(java.util.Locale.ROOT);
    String fix;
    if (lower.contains("space") || lower.contains("quota")) {
      fix = "free space on its disk";
    } else if (lower.contains("read-only")) {
      fix = "make its file system writable";
    } else if (refused instanceof java.nio.file.AccessDeniedException || lower.contains("permission")) {
      fix = "give your user read and write access to it (chmod u+rwx)";
      reason = "permission denied";
    } else {
      fix = "check that it is a writable directory";
    }
    return new Unusable(directory, reason, fix);
  }

  /** What sits at {@code path}, following links, in words for a message. */
  static String kind(Path path) {
    try {
      FileStamp stamp = BoundedFile.stamp(path);
      return stamp == null ? "a broken symbolic link" : stamp.kind();
    } catch (IOException | SecurityException unreadable) {
      return "something that cannot be inspected (" + BoundedFile.kindOf(unreadable) + ")";
    }
  }

  private static Path firstNonDirectory(Path directory) {
    for (Path p = directory.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) {
        return Files.isDirectory(p) ? null : p;
      }
    }
    return null;
  }
}
