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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who holds a claimed or half-written segment, and whether it is still alive. Each {@link Spool}
 * holds a lock on {@code owners/ID.lock} for as long as it is open. The operating system drops the
 * lock when the process dies, however it dies (kill -9 included), so a lock that can be taken means
 * its owner is gone and its segments can be taken back. Locks are only ever tried, never waited for.
 */
final class Owner {

  /** Owners alive in this JVM: never probed by lock, since closing any channel on a file drops this process's lock on it. */
  private static final Set<String> IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  final String id = randomHex16();
  private final Path directory;
  private FileChannel channel;
  private FileLock lock;
  private boolean released;

  Owner(Path directory) {
    this.directory = directory;
  }

  /**
   * 16 hex digits that no other spool uses: names must be unique, not secret (whoever can read them can
   * also write the directory), so no SecureRandom, whose set-up costs a start tens of milliseconds.
   * Should two processes ever draw the same id, creating the lock file fails and says so; nothing is
   * overwritten.
   */
  static String randomHex16() {
    return hex16(ThreadLocalRandom.current().nextLong() ^ System.nanoTime());
  }

  /** {@code %016x} without {@link String#format}, which loads a formatter on the agent's start-up path. */
  static String hex16(long value) {
    String digits = Long.toHexString(value);
    return "0000000000000000".substring(digits.length()) + digits;
  }

  /** Takes this owner's lock if not yet held; false once released. Throws when it cannot be taken. */
  synchronized boolean hold() throws IOException {
    if (lock != null) {
      return true;
    }
    if (released) {
      return false;
    }
    SpoolDirectories.ensure(directory);
    pruneStale();
    // Locked under a temporary name first: a ".lock" name is only ever seen locked, so a probe
    // that finds it unlocked knows its owner is gone (and never deletes a lock about to be taken).
    IN_THIS_JVM.add(id); // before its name appears: this JVM must never open (and close) a file it holds locked
    Path fresh = directory.resolve(id + ".new");
    Path file = directory.resolve(id + ".lock");
    FileChannel opened = FileChannel.open(fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileLock taken;
    try {
      taken = opened.tryLock();
      if (taken == null) {
        throw new IOException("the lock " + fresh + " is held by another process");
      }
      SegmentFiles.move(fresh, file);
    } catch (IOException | RuntimeException unlockable) {
      IN_THIS_JVM.remove(id);
      opened.close();
      Files.deleteIfExists(fresh);
      throw unlockable instanceof IOException ? (IOException) unlockable : new IOException(unlockable);
    }
    channel = opened;
    lock = taken;
    return true;
  }

  /** Deletes lock files nobody holds (left by processes that died with nothing spooled), once per owner. */
  private void pruneStale() {
    try {
      for (String name : SpoolDirectories.list(directory)) {
        if (name.matches("[0-9a-f]{16}\\.lock")) {
          recoverIfGone(name.substring(0, 16), () -> {});
        } else if (name.matches("[0-9a-f]{16}\\.new") && olderThanAnHour(directory.resolve(name))) {
          SegmentFiles.deleteQuietly(directory.resolve(name)); // a process died between create and rename
        }
      }
    } catch (SpoolDirectories.Unusable ignored) {
      // creating our own lock file reports the problem
    }
  }

  private static boolean olderThanAnHour(Path file) {
    try {
      return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis() < System.currentTimeMillis()
          - 3_600_000;
    } catch (IOException | SecurityException gone) {
      return false;
    }
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
    if (lock != null) {
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
    IN_THIS_JVM.remove(id);
  }
}
