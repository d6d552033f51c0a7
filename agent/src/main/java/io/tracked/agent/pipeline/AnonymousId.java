package io.tracked.agent.pipeline;

import io.tracked.agent.files.BoundedFile;
import io.tracked.agent.log.AgentLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The {@code distinct_id}: a random UUID kept in {@code <continue dir>/telemetry/tracked-anonymous-id},
 * never derived from hardware, user or host names. Every process using the Continue directory gets
 * the same id, however many start together:
 * <ul>
 *   <li>a valid id file is only ever read (at most {@value #MAX_BYTES} bytes, and only if it is a
 *       regular file: see {@link BoundedFile});</li>
 *   <li>a missing one is created by writing a complete temporary file and hard-linking it into
 *       place, which fails if another process got there first; that process's id is then read and
 *       used. Nothing is ever deleted to make room, so no process can remove the id another one just
 *       created;</li>
 *   <li>a corrupt one (not a UUID, or larger than {@value #MAX_BYTES} bytes) is replaced by one
 *       process at a time, under a lock on {@code tracked-anonymous-id.lock} tried for at most
 *       {@value #LOCK_WAIT_MILLIS} ms; the others read the replacement;</li>
 *   <li>something that is not a regular file (a FIFO, a link to a device, a directory) or that
 *       cannot be read is left alone: one line names it and the fix, and this run uses an id kept in
 *       memory only. So does a directory that cannot be written (read-only, full, not a directory).</li>
 * </ul>
 */
public final class AnonymousId {

  static final String FILE_NAME = "tracked-anonymous-id";
  static final int MAX_BYTES = 1024;
  static final long LOCK_WAIT_MILLIS = 2_000;

  /** Instances in one JVM take turns, since a file lock belongs to the whole process. */
  private static final Object THIS_JVM = new Object();

  private final Path file;
  private volatile String cached;

  public AnonymousId(Path continueDirectory) {
    this.file = continueDirectory.resolve("telemetry").resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  /** The id, created on first use. Falls back to an in-memory id if the file cannot be used. */
  public String get() {
    String id = cached;
    if (id == null) {
      synchronized (this) {
        if (cached == null) {
          cached = loadOrCreate();
        }
        id = cached;
      }
    }
    return id;
  }

  /**
   * Forgets the id and deletes its file: called whenever telemetry is off, so that two periods of
   * consent can never be linked by a shared id.
   */
  public synchronized void reset() {
    cached = null;
    try {
      Files.deleteIfExists(file);
    } catch (IOException | SecurityException undeletable) {
      AgentLog.once("anonymous-id-delete", "cannot delete the anonymous id " + file + " ("
          + BoundedFile.kindOf(undeletable) + "); it will be replaced when telemetry is on again."
          + " Fix: make the directory writable");
    }
  }

  /** What the id file holds: a valid id, nothing, something to replace, or something to leave alone. */
  private record Look(String id, boolean missing, boolean corrupt, String problem) {}

  private Look look() {
    BoundedFile.Read read = BoundedFile.read(file, MAX_BYTES);
    switch (read.status()) {
      case MISSING:
        return new Look(null, true, false, null);
      case READ:
        String text = new String(read.bytes(), StandardCharsets.US_ASCII).trim();
        return valid(text) ? new Look(text, false, false, null) : new Look(null, false, true, null);
      default:
        boolean oversized = read.stamp() != null && read.stamp().regular() && read.stamp().size() > MAX_BYTES;
        return oversized ? new Look(null, false, true, null) : new Look(null, false, false, read.problem());
    }
  }

  private static boolean valid(String text) {
    try {
      return text.length() == 36 && UUID.fromString(text).toString().equals(text.toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException notAUuid) {
      return false;
    }
  }

  private String loadOrCreate() {
    Look look = look();
    if (look.id() != null) {
      return look.id();
    }
    String created = UUID.randomUUID().toString();
    if (look.problem() != null) {
      return runOnly(created, look.problem());
    }
    Path directory = file.getParent();
    try {
      Files.createDirectories(file.getParent());
      if (look.missing()) {
        String linked = createByLink(created);
        if (linked != null) {
          return linked;
        }
      }
      return replaceUnderLock(created);
    } catch (IOException | SecurityException | UnsupportedOperationException unwritable) {
      return runOnly(created, "cannot write " + file + " (" + reason(unwritable) + "). Fix: make " + directory
          + " a writable directory with free space");
    }
  }

  /**
   * Links a complete file into place; returns the id every process will use, or null when the
   * file system has no hard links or the file turned out corrupt (then the lock decides).
   */
  private String createByLink(String created) throws IOException {
    Path temp = writeTemp(created);
    try {
      Files.createLink(file, temp);
      return created;
    } catch (FileAlreadyExistsException raced) {
      Look winner = look();
      if (winner.id() != null) {
        return winner.id();
      }
      if (winner.problem() != null) {
        return runOnly(created, winner.problem());
      }
      return null;
    } catch (UnsupportedOperationException | IOException noHardLinks) {
      return null;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** One process at a time: read again, and if still missing or corrupt, put a new id in place. */
  private String replaceUnderLock(String created) throws IOException {
    Path lockFile = file.resolveSibling(FILE_NAME + ".lock");
    synchronized (THIS_JVM) {
      if (Files.exists(lockFile) && !Files.isRegularFile(lockFile)) {
        return runOnly(created, lockFile + " is not a regular file. Fix: remove it");
      }
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        FileLock lock = tryLock(channel);
        if (lock == null) {
          Look look = look(); // the holder is slow: use its id if it wrote one, else one for this run
          return look.id() != null ? look.id()
              : runOnly(created, "another process held " + lockFile + " for " + LOCK_WAIT_MILLIS
                  + " ms. Fix: none needed unless this repeats; then remove " + lockFile);
        }
        Look look = look();
        if (look.id() != null) {
          return look.id();
        }
        if (look.problem() != null) {
          return runOnly(created, look.problem());
        }
        Path temp = writeTemp(created);
        try {
          // A rename replaces a corrupt file in one step; under the lock nobody else replaces it.
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(temp);
        }
        return created;
      }
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
    while (true) {
      try {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return lock;
        }
      } catch (OverlappingFileLockException heldInThisJvm) {
        // cannot happen under THIS_JVM, but never wait on it
        return null;
      }
      if (System.nanoTime() - deadline > 0) {
        return null;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  private Path writeTemp(String id) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(id.getBytes(StandardCharsets.US_ASCII));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException | RuntimeException failed) {
      Files.deleteIfExists(temp);
      throw failed;
    }
    return temp;
  }

  /** Uses {@code created} for this run only, saying once why: {@code problem} names the path and ends with the fix. */
  private static String runOnly(String created, String problem) {
    int fix = problem.lastIndexOf(". Fix: ");
    String what = fix < 0 ? problem : problem.substring(0, fix);
    String how = fix < 0 ? "" : problem.substring(fix);
    AgentLog.once("anonymous-id", "anonymous id: " + what + "; this run uses one kept in memory only" + how);
    return created;
  }

  /**
   * The operating system's reason (e.g. "Read-only file system", "No space left on device"), which
   * never quotes a file's content; the exception's kind when there is none.
   */
  private static String reason(Exception failure) {
    if (failure instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof java.nio.file.FileSystemException
        && ((java.nio.file.FileSystemException) failure).getReason() != null) {
      return ((java.nio.file.FileSystemException) failure).getReason();
    }
    if (failure.getClass() == IOException.class && failure.getMessage() != null && failure.getMessage().length() < 80) {
      return failure.getMessage(); // the JDK's plain IOException of a failed write carries strerror
    }
    return BoundedFile.kindOf(failure);
  }
}
