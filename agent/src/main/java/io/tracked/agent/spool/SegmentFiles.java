package io.tracked.agent.spool;

import io.tracked.agent.files.BoundedFile;
import io.tracked.agent.files.FileStamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Reading and writing whole segment files, bounded, never opening anything but a regular file. */
final class SegmentFiles {

  private SegmentFiles() {}

  /** A segment could not be read because of what it is, not because of an I/O error. */
  static final class NotASegment extends IOException {
    NotASegment(String message) {
      super(message);
    }
  }

  /**
   * The whole file; refuses a link (the spool never makes one), anything but a regular file, and a
   * file over {@code limit} bytes, all judged before opening it (see {@link BoundedFile}).
   */
  static byte[] read(Path file, int limit) throws IOException {
    if (Files.isSymbolicLink(file)) {
      throw new NotASegment("a symbolic link, not a regular file");
    }
    FileStamp stamp = BoundedFile.stamp(file);
    if (stamp == null) {
      throw new NoSuchFileException(file.toString());
    }
    if (!stamp.regular()) {
      throw new NotASegment(stamp.kind() + ", not a regular file");
    }
    if (stamp.size() > limit) {
      throw new NotASegment(stamp.size() + " bytes, more than the " + limit + " a segment can hold");
    }
    BoundedFile.Read read = BoundedFile.read(file, stamp, limit);
    switch (read.status()) {
      case READ:
        return read.bytes();
      case MISSING:
        throw new NoSuchFileException(file.toString());
      default:
        throw new IOException(read.problem());
    }
  }

  /** What writing a segment achieved. */
  record Written(int kept, long bytes, IOException failure, boolean vanished) {}

  /**
   * Writes {@code encoded} records as a new segment: first under an {@code .open} name, then renamed
   * to its committed name. When the write fails part-way (a full disk), the file is cut back to the
   * last whole record and those are committed; the caller counts the rest as dropped.
   */
  static Written write(Path directory, SegmentName open, List<byte[]> encoded, SegmentChannels channels) {
    Path openFile = directory.resolve(open.fileName());
    long[] ends = new long[encoded.size()];
    long total = 0;
    for (int i = 0; i < ends.length; i++) {
      total += encoded.get(i).length;
      ends[i] = total;
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) total);
    encoded.forEach(buffer::put);
    buffer.flip();
    FileChannel channel;
    try {
      channel = channels.create(openFile);
    } catch (IOException cannotCreate) {
      return new Written(0, 0, cannotCreate, cannotCreate instanceof NoSuchFileException);
    }
    int kept = ends.length;
    long keptBytes = total;
    IOException failure = null;
    try {
      // No fsync: a process crash or a full disk loses nothing written here, and a power cut that
      // leaves garbage is caught by the per-line checksum. An fsync per segment would cost the
      // 2 s exit budget several milliseconds each on a busy disk.
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException cut) {
      failure = cut;
      long size = sizeOr(channel, buffer.position());
      kept = 0;
      while (kept < ends.length && ends[kept] <= size) {
        kept++;
      }
      keptBytes = kept == 0 ? 0 : ends[kept - 1];
      try {
        channel.truncate(keptBytes); // shrinking never needs space
      } catch (IOException | RuntimeException ignored) {
        // the reader skips a cut last record anyway
      }
    } finally {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the bytes that matter were forced or are counted as lost
      }
    }
    if (kept == 0) {
      deleteQuietly(openFile);
      return new Written(0, 0, failure, false);
    }
    Path committed = directory.resolve(open.committed(kept, keptBytes, 0).fileName());
    try {
      move(openFile, committed);
      return new Written(kept, keptBytes, failure, false);
    } catch (NoSuchFileException cleared) {
      return new Written(0, 0, failure, true); // deleted meanwhile: the spool was cleared
    } catch (IOException cannotRename) {
      deleteQuietly(openFile);
      return new Written(0, 0, cannotRename, false);
    }
  }

  /** An atomic rename (the only way a segment changes state). */
  static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException sameDirectoryAlways) {
      throw new IOException("the file system cannot rename atomically in " + from.getParent(), sameDirectoryAlways);
    }
  }

  static boolean deleteQuietly(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException | SecurityException ignored) {
      return false;
    }
  }

  private static long sizeOr(FileChannel channel, long fallback) {
    try {
      return channel.size();
    } catch (IOException | RuntimeException unknown) {
      return fallback;
    }
  }
}
