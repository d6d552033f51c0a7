package io.tracked.agent.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What identifies one version of a file without opening it: its kind, size, modification and
 * status-change times and identity (device and inode where the file system has them). Editors save
 * by rewriting or by renaming a new file into place, and a user fixes an unreadable file with
 * {@code chmod}; each of those changes the stamp, so a file is re-read exactly when it may read
 * differently, and a file that keeps failing is not retried in a loop.
 */
public record FileStamp(String kind, long size, long modifiedMillis, long changedMillis, Object key) {

  /** The stamp of a file whose attributes (after following links) were just read. */
  public static FileStamp of(Path file, BasicFileAttributes attributes) {
    return new FileStamp(kind(file, attributes), attributes.size(), attributes.lastModifiedTime().toMillis(),
        changedMillis(file), attributes.fileKey());
  }

  public boolean regular() {
    return kind.equals("a regular file");
  }

  private static String kind(Path file, BasicFileAttributes attributes) {
    if (attributes.isRegularFile()) {
      return "a regular file";
    }
    if (attributes.isDirectory()) {
      return "a directory";
    }
    Integer mode = unixMode(file);
    if (mode != null) {
      switch (mode & 0170000) {
        case 0010000:
          return "a named pipe (FIFO)";
        case 0020000:
          return "a character device";
        case 0060000:
          return "a block device";
        case 0140000:
          return "a socket";
        default:
          break;
      }
    }
    return "a special file";
  }

  private static Integer unixMode(Path file) {
    try {
      return (Integer) Files.getAttribute(file, "unix:mode");
    } catch (IOException | RuntimeException unsupported) {
      return null;
    }
  }

  /** The status-change time (chmod, chown, link count), where the platform exposes it; else 0. */
  private static long changedMillis(Path file) {
    try {
      return ((FileTime) Files.getAttribute(file, "unix:ctime")).toMillis();
    } catch (IOException | RuntimeException unsupported) {
      return 0;
    }
  }
}
