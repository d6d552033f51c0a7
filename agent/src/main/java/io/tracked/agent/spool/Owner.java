package io.tracked.agent.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who holds a claimed or half-written segment, and whether it is still alive. Each {@link Spool}
 * holds a lock on {@code owners/ID.lock} for as long as it is open. The operating system drops the
 * lock when the process dies, however it dies (kill -9 included), so a lock that can be taken means
 * its owner is gone and its segments can be taken back. Locks are only ever tried, never waited for.
 */
final class Owner {

  /** Owners alive in this JVM: never probed by lock, since closing any channel on a file drops this process's lock on it. */
  private static final Set<String> IN_THIS_JVM = ConcurrentHashMap.newKeySet();
  private static final SecureRandom RANDOM = new SecureRandom();

  final String id = randomHex16();
  private final Path directory;
  private FileChannel channel;
  private FileLock lock;
  private boolean released;

  Owner(Path directory) {
    this.directory = directory;
  }

  static String randomHex16() {
    return String.format("%016x", RANDOM.nextLong());
  }

  /** Takes this owner's lock if not yet held; false once released. Throws when it cannot be taken. */
  synchronized boolean hold() throws IOException {
    if (lock != null) {
      return true;
    }
    if (released) {
      return false;
    }
    Files.createDirectories(directory);
    Path file = directory.resolve(id + ".lock");
    FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileLock taken;
    try {
      taken = opened.tryLock();
    } catch (IOException | RuntimeException unlockable) {
      opened.close();
      Files.deleteIfExists(file);
      throw unlockable instanceof IOException ? (IOException) unlockable : new IOException(unlockable);
    }
    if (taken == null) {
      opened.close();
      Files.deleteIfExists(file);
      throw new IOException("the lock " + file + " is held by another process");
    }
    channel = opened;
    lock = taken;
    IN_THIS_JVM.add(id);
    return true;
  }

  synchronized boolean held() {
    return lock != null;
  }

  /**
   * Runs {@code recover} if {@code other} is gone, while holding its lock so no other process
   * recovers the same segments at the same time, then deletes its lock file. Never waits.
   */
  void recoverIfGone(String other, Runnable recover) {
    if (other.equals(id) || IN_THIS_JVM.contains(other)) {
      return;
    }
    Path file = directory.resolve(other + ".lock");
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException gone) {
      recover.run(); // its lock file is deleted only after its segments were taken back (or it closed)
      return;
    } catch (IOException | SecurityException unknown) {
      return; // cannot tell: leave its segments alone
    }
    if (!attributes.isRegularFile()) {
      return; // not a lock file this spool wrote: cannot tell
    }
    try (FileChannel probe = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock taken = probe.tryLock();
      if (taken == null) {
        return; // alive in another process
      }
      try {
        recover.run();
        Files.deleteIfExists(file);
      } finally {
        taken.release();
      }
    } catch (OverlappingFileLockException recoveringHereAlready) {
      // another spool of this JVM is recovering it right now
    } catch (NoSuchFileException recoveredMeanwhile) {
      recover.run();
    } catch (IOException | SecurityException unknown) {
      // cannot tell: leave its segments alone
    }
  }

  /** Drops the lock and its file: this owner's remaining segments become recoverable by anyone. */
  synchronized void release() {
    released = true;
    IN_THIS_JVM.remove(id);
    if (lock == null) {
      return;
    }
    try {
      Files.deleteIfExists(directory.resolve(id + ".lock"));
    } catch (IOException | SecurityException ignored) {
      // a stale lock file is harmless: nobody holds it, so its owner reads as gone
    }
    try {
      channel.close(); // releases the lock
    } catch (IOException ignored) {
      // nothing more to do
    }
    lock = null;
    channel = null;
  }
}
