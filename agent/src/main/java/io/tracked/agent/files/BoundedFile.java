package io.tracked.agent.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Reads a small file that belongs to the user without ever letting the file hurt the host. A user's
 * home can hold a named pipe (opening it blocks until a writer comes), a link to {@code /dev/zero}
 * (an endless read), or a file of hundreds of megabytes, where a config file of a few KB belongs.
 * So the file is judged from its attributes first, after following links and without opening it:
 * only a regular file of at most {@code maxBytes} is opened, and then at most {@code maxBytes + 1}
 * bytes are read, so a file that grows meanwhile is still refused. Every outcome is a value, never
 * an exception, and a refusal says why in words that never quote the file's content.
 */
public final class BoundedFile {

  /** Config files are a few KB; one MB is generous and still cheap to hold. */
  public static final int MAX_CONFIG_BYTES = 1 << 20;

  /** What a look at the file found. */
  public enum Status {
    /** No file at the path: callers decide what absence means. */
    MISSING,
    /** A regular file within the bound: {@link Read#bytes()} holds its content. */
    READ,
    /** Something that is not read at all, or could not be: {@link Read#problem()} says why. */
    REFUSED
  }

  /**
   * One look at the file.
   *
   * @param stamp what identifies this version of the file (see {@link FileStamp}); null when missing
   * @param problem why it was refused, naming the path and the fix, never quoting its content
   */
  public record Read(Status status, byte[] bytes, FileStamp stamp, String problem) {}

  private BoundedFile() {}

  /** The file's stamp, or null if there is no file; never opens it. */
  public static FileStamp stamp(Path file) throws IOException {
    try {
      return FileStamp.of(file, Files.readAttributes(file, BasicFileAttributes.class));
    } catch (NoSuchFileException missing) {
      return null;
    }
  }

  /** Reads the file if, and only if, it is a regular file of at most {@code maxBytes}. */
  public static Read read(Path file, int maxBytes) {
    FileStamp stamp;
    try {
      stamp = stamp(file);
    } catch (IOException | SecurityException unreadable) {
      return refused(file, null, "cannot be inspected (" + kindOf(unreadable) + ")",
          "make it and its directory readable, or remove it");
    }
    if (stamp == null) {
      return new Read(Status.MISSING, null, null, null);
    }
    return read(file, stamp, maxBytes);
  }

  /** As {@link #read(Path, int)}, with the stamp the caller already took (no second look). */
  public static Read read(Path file, FileStamp stamp, int maxBytes) {
    Objects.requireNonNull(stamp, "stamp");
    String refusal = refusal(stamp, maxBytes);
    if (refusal != null) {
      return refused(file, stamp, refusal, stamp.regular()
          ? "keep it under " + maxBytes / 1024 + " KB, or remove it"
          : "replace it with a regular file, or remove it");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        return refused(file, stamp, "is larger than " + maxBytes / 1024 + " KB",
            "keep it under " + maxBytes / 1024 + " KB, or remove it");
      }
      return new Read(Status.READ, bytes, stamp, null);
    } catch (NoSuchFileException goneMeanwhile) {
      return new Read(Status.MISSING, null, null, null);
    } catch (IOException | SecurityException unreadable) {
      return refused(file, stamp, "cannot be read (" + kindOf(unreadable) + ")",
          "make it readable, or remove it");
    }
  }

  /** Why a file with these attributes is not opened, or null when it may be. */
  static String refusal(FileStamp stamp, int maxBytes) {
    if (!stamp.regular()) {
      return "is " + stamp.kind() + ", not a regular file";
    }
    if (stamp.size() > maxBytes) {
      return "is larger than " + maxBytes / 1024 + " KB (" + stamp.size() / 1024 + " KB)";
    }
    return null;
  }

  private static Read refused(Path file, FileStamp stamp, String why, String fix) {
    return new Read(Status.REFUSED, null, stamp, file + " " + why + ". Fix: " + fix);
  }

  /**
   * An exception's kind, never its message: some JDK messages quote what they found, and the
   * content of a user's file must never reach stderr.
   */
  public static String kindOf(Throwable failure) {
    String name = failure.getClass().getSimpleName();
    if (name.equals("AccessDeniedException")) {
      return "permission denied";
    }
    if (name.equals("FileSystemException") || name.equals("IOException")) {
      return "input/output error";
    }
    return name;
  }
}
