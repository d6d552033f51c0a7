package io.tracked.agent.delivery;

import io.tracked.agent.files.BoundedFile;
import io.tracked.agent.files.FileStamp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * The outbox on disk: a JSON-lines file appended to by any number of processes, rolled to
 * {@code NAME.1} ... {@code NAME.<kept>} when it reaches {@code maxBytes}.
 * <ul>
 *   <li>Each line is one {@code write} on a file opened for appending, so lines of processes writing
 *       at once never interleave.</li>
 *   <li>A line starts on a fresh line when the file does not end with one (a line cut by a crash or
 *       a full disk): the cut line stays alone, never glued to the next.</li>
 *   <li>Rolling renames (never copies or truncates) under a tried lock on {@code NAME.lock}: one
 *       process rolls, the others notice the file was replaced and reopen it. A process still writing to a
 *       file that was just rolled writes into the rolled file: nothing is overwritten. Only the
 *       oldest rolled file is deleted, and the caller is told how many lines it held.</li>
 *   <li>Only a regular file is opened (links followed, kind checked before opening: a FIFO or a
 *       device is refused, never opened).</li>
 * </ul>
 */
final class OutboxFile implements AutoCloseable {

  /** The outbox or its directory is something that cannot be written; says what and the fix. */
  static final class Refused extends IOException {
    final String fix;

    Refused(String message, String fix) {
      super(message);
      this.fix = fix;
    }
  }

  /** The oldest rolled file deleted by a roll, and the lines it held (-1 if it was not counted). */
  record Deleted(Path file, long lines) {}

  private final Path file;
  private final long maxBytes;
  private final int kept;
  private FileChannel append;
  private FileChannel read;

  private static final Object ROLLING_IN_THIS_JVM = new Object();

  OutboxFile(Path file, long maxBytes, int kept) {
    this.file = file.toAbsolutePath();
    this.maxBytes = maxBytes;
    this.kept = kept;
  }

  Path file() {
    return file;
  }

  Path rolled(int generation) {
    return file.resolveSibling(file.getFileName() + "." + generation);
  }

  /** Appends {@code line} and a line break; returns what a roll deleted on the way, or null. */
  Deleted append(byte[] line) throws IOException {
    if (append == null) {
      open();
    }
    Deleted deleted = null;
    long size = append.size();
    if (size >= maxBytes) {
      deleted = roll();
      size = append.size();
    }
    boolean fresh = endsWithLineBreak(size);
    ByteBuffer buffer = ByteBuffer.allocate(line.length + (fresh ? 1 : 2));
    if (!fresh) {
      buffer.put((byte) '\n');
    }
    buffer.put(line).put((byte) '\n').flip();
    while (buffer.hasRemaining()) {
      append.write(buffer);
    }
    return deleted;
  }

  private void open() throws IOException {
    close();
    Path parent = file.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      FileStamp stamp = stampOrNull(parent);
      if (stamp != null) {
        throw new Refused(parent + " is " + stamp.kind() + ", not a directory",
            "remove it, or set the outbox option to a file in a directory");
      }
      Files.createDirectories(parent);
    }
    FileStamp stamp = stampOrNull(file);
    if (stamp != null && !stamp.regular()) {
      throw new Refused(file + " is " + stamp.kind() + ", not a regular file",
          "remove it, or set the outbox option to a regular file");
    }
    // Both channels must be on the same file: look at the path before and after opening them, and
    // try again if another process rolled it in between.
    for (int attempt = 0; attempt < 5; attempt++) {
      Object before = keyOrNull(file);
      FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      FileChannel reading;
      try {
        reading = FileChannel.open(file, StandardOpenOption.READ);
      } catch (NoSuchFileException rolledMeanwhile) {
        opened.close();
        continue;
      }
      if (before != null && before.equals(keyOrNull(file))) {
        append = opened;
        read = reading;
        return;
      }
      opened.close();
      reading.close();
    }
    throw new IOException("the file kept being replaced while it was opened");
  }

  /**
   * Whether the file ends with a line break. Another process's line that spans two pages can be
   * seen half-copied for a moment, so a missing break is looked at again for up to about a
   * millisecond: a line that is being written completes, a line cut by a crash does not.
   */
  private boolean endsWithLineBreak(long size) throws IOException {
    for (int look = 0; ; look++) {
      if (size == 0 || lastByte(size) == '\n') {
        return true;
      }
      if (look == 20) {
        return false;
      }
      LockSupport.parkNanos(50_000);
      size = append.size();
    }
  }

  private int lastByte(long size) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    return read.read(one, size - 1) == 1 ? one.get(0) : '\n';
  }

  /**
   * Rolls the full file unless another process is doing it or has done it; either way this
   * process then writes to the file now at the outbox's path. Rolls take turns through a lock on
   * {@code NAME.lock}, only ever tried: a process that does not get it writes on and tries again
   * at its next line.
   */
  private Deleted roll() throws IOException {
    synchronized (ROLLING_IN_THIS_JVM) { // a file lock belongs to the whole process
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      FileStamp lockStamp = stampOrNull(lockFile);
      if (lockStamp != null && !lockStamp.regular()) {
        throw new Refused(lockFile + " is " + lockStamp.kind() + ", not a regular file", "remove it");
      }
      try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = lockChannel.tryLock();
        if (lock == null) {
          return null; // another process is rolling
        }
        Deleted deleted = null;
        try {
          FileStamp now = stampOrNull(file);
          if (now != null && now.regular() && now.size() >= maxBytes) {
            deleted = shift(); // else another process rolled it already
          }
        } finally {
          open();
        }
        return deleted;
      }
    }
  }

  private Deleted shift() throws IOException {
    int top = 0; // generations present: 1..top (a gap, left by a crash mid-shift, ends the run)
    while (top < kept && Files.exists(rolled(top + 1), LinkOption.NOFOLLOW_LINKS)) {
      top++;
    }
    Deleted deleted = null;
    if (top == kept) {
      Path oldest = rolled(kept);
      long lines = countLines(oldest);
      Files.delete(oldest);
      deleted = new Deleted(oldest, lines);
      top--;
    }
    for (int generation = top; generation >= 1; generation--) {
      Files.move(rolled(generation), rolled(generation + 1), StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(file, rolled(1), StandardCopyOption.ATOMIC_MOVE);
    return deleted;
  }

  /** Line breaks in a rolled file, read only if it is a regular file of sane size; else -1. */
  private long countLines(Path rolledFile) {
    FileStamp stamp = stampOrNull(rolledFile);
    if (stamp == null || !stamp.regular() || stamp.size() > 4 * maxBytes || Files.isSymbolicLink(rolledFile)) {
      return -1;
    }
    long lines = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(rolledFile)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    } catch (IOException unreadable) {
      return -1;
    }
    return lines;
  }

  /** The file's identity; null when it is missing; a file system without identities gives one stand-in for all. */
  private static Object keyOrNull(Path path) {
    try {
      Object key = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
      return key == null ? NO_KEY : key;
    } catch (IOException | SecurityException gone) {
      return null;
    }
  }

  private static final Object NO_KEY = new Object();

  private static FileStamp stampOrNull(Path path) {
    try {
      return BoundedFile.stamp(path);
    } catch (IOException | SecurityException unreadable) {
      return null;
    }
  }

  @Override
  public void close() {
    for (FileChannel channel : new FileChannel[] {append, read}) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // nothing more to do for a file we could not write
        }
      }
    }
    append = null;
    read = null;
  }
}
