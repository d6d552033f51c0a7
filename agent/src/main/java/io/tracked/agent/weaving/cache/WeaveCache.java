package io.tracked.agent.weaving.cache;

import io.tracked.agent.log.AgentLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * The weave cache of one context: {@code <continue dir>/telemetry/weave-cache/<context digest>/},
 * one file per woven class, named by a digest of the class's name and of its original bytes.
 *
 * <ul>
 *   <li>Written atomically (a temporary file renamed into place), so several JVMs can share it and a
 *       crash never leaves half an entry under an entry's name.</li>
 *   <li>Directories are made {@code rwx------}, entries {@code rw-------}; a directory or entry that is
 *       not the user's own, is writable by others, or is not what it claims (a link, a pipe, a device)
 *       is never read ({@link Ownership}).</li>
 *   <li>Bounded: at most {@link #MAX_ENTRIES} entries and {@link #MAX_BYTES} bytes per context, an
 *       entry at most {@link #MAX_ENTRY_BYTES}; at most {@link #KEPT_CONTEXTS} contexts, the least
 *       recently written pruned.</li>
 *   <li>Silent: every failure (read-only home, full disk, a corrupt entry) makes a lookup miss or a
 *       store do nothing, with a {@code debug} line; never an exception, never a line in normal operation.</li>
 * </ul>
 */
public final class WeaveCache {

  public static final int MAX_ENTRIES = 2_000;
  public static final long MAX_BYTES = 20L << 20;
  public static final int MAX_ENTRY_BYTES = 4 << 20;
  public static final int KEPT_CONTEXTS = 4;
  static final String SUFFIX = ".twc";
  private static final String TEMPORARY = ".tmp";
  private static final long STALE_TEMPORARY_MILLIS = 3_600_000;

  private final Path root;
  private final Path directory;
  private final String context;
  private final boolean warmAtStart;
  private final AtomicInteger counter = new AtomicInteger();
  private volatile boolean unusable;
  private boolean counted; // guarded by this
  private int entries; // guarded by this
  private long bytes; // guarded by this

  private final AtomicLong found = new AtomicLong();
  private final AtomicLong absent = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();

  private WeaveCache(Path root, String context) {
    this.root = root;
    this.context = context;
    this.directory = root.resolve(digest(context));
    this.warmAtStart = looksWarm();
  }

  /**
   * The cache for this context under {@code continueDirectory}; only looks (two directories and one
   * listing), writes nothing.
   *
   * @param context everything besides the classes themselves that decides what weaving produces
   */
  public static WeaveCache open(Path continueDirectory, String context) {
    return new WeaveCache(continueDirectory.resolve("telemetry").resolve("weave-cache"), context);
  }

  public String context() {
    return context;
  }

  Path directory() {
    return directory;
  }

  /**
   * Whether this context's directory held entries at start (trusted, non-empty): then weaving is
   * likely served from here and Byte Buddy need not be built up front.
   */
  public boolean warmAtStart() {
    return warmAtStart;
  }

  private boolean looksWarm() {
    try {
      if (!trusted(root) || !trusted(directory)) {
        return false;
      }
      // java.io.File's listing: a DirectoryStream would load a dozen classes (locks, iterators) at premain.
      String[] names = directory.toFile().list();
      if (names != null) {
        for (String name : names) {
          if (name.endsWith(SUFFIX)) {
            return true;
          }
        }
      }
    } catch (RuntimeException unreadable) {
      AgentLog.debug("weave cache: " + directory + " cannot be listed (" + unreadable.getClass().getSimpleName()
          + "); classes are woven");
    }
    return false;
  }

  private boolean trusted(Path path) {
    Ownership.Look look = Ownership.look(path, true);
    if (look.kind() == Ownership.Kind.REFUSED) {
      unusable = true;
      AgentLog.debug("weave cache not used: " + look.problem() + ". Fix: remove " + root + " (it is rebuilt)");
    }
    return look.kind() == Ownership.Kind.TRUSTED;
  }

  /**
   * The entry kept for this class, checked against its checksum and exactly against the class's name,
   * original bytes and this context; {@code null} when there is none or it cannot be used. Only
   * looked up when the cache was warm at start: a cold one is only written to in this run.
   */
  public EntryCodec.Entry lookup(String className, byte[] original) {
    if (!warmAtStart || unusable) {
      absent.incrementAndGet();
      return null;
    }
    Path file = directory.resolve(fileName(className, original));
    Ownership.Look look = Ownership.look(file, false);
    if (look.kind() == Ownership.Kind.MISSING) {
      absent.incrementAndGet();
      return null;
    }
    if (look.kind() == Ownership.Kind.REFUSED || look.size() > MAX_ENTRY_BYTES) {
      return refuse(className, look.problem() != null ? look.problem() : file + " is too large");
    }
    try {
      byte[] data;
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        data = in.readNBytes(MAX_ENTRY_BYTES + 1); // never more than the bound, whatever it grew to
      }
      EntryCodec.Entry entry = EntryCodec.decode(data);
      if (!entry.key().sameClass(context, className, original)) {
        absent.incrementAndGet(); // another class or version under the same digest: rewritten after weaving
        return null;
      }
      found.incrementAndGet();
      return entry;
    } catch (EntryCodec.Corrupt corrupt) {
      return refuse(className, file + " is damaged: " + corrupt.getMessage());
    } catch (IOException | RuntimeException unreadable) {
      return refuse(className, file + " cannot be read (" + unreadable.getClass().getSimpleName() + ")");
    }
  }

  private EntryCodec.Entry refuse(String className, String why) {
    refused.incrementAndGet();
    AgentLog.debug("weave cache: " + why + "; " + className.replace('/', '.') + " is woven afresh");
    return null;
  }

  /** Keeps what weaving produced for a class; does nothing when the cache cannot be written or is full. */
  public void store(EntryKey key, WeaveRecord record) {
    if (unusable) {
      return;
    }
    try {
      byte[] data = EntryCodec.encode(key, record);
      if (data.length > MAX_ENTRY_BYTES) {
        AgentLog.debug("weave cache: " + key.className() + " is too large to keep (" + data.length + " bytes)");
        return;
      }
      synchronized (this) {
        if (!ready() || entries + 1 > MAX_ENTRIES || bytes + data.length > MAX_BYTES) {
          return;
        }
        write(directory.resolve(fileName(key.className(), key.original())), data);
        entries++;
        bytes += data.length;
      }
      stored.incrementAndGet();
    } catch (IOException | RuntimeException unwritable) {
      AgentLog.debug("weave cache: cannot write to " + directory + " (" + unwritable.getClass().getSimpleName()
          + "); classes are woven each start");
      unusable = true; // a read-only home or full disk: no point trying each class
    }
  }

  /** Makes the directories when missing and counts what they hold; false when they cannot be used. */
  private boolean ready() throws IOException {
    if (!counted) {
      Path telemetry = root.getParent();
      if (telemetry != null) {
        Files.createDirectories(telemetry);
      }
      for (Path dir : new Path[] {root, directory}) {
        try {
          Files.createDirectory(dir, privateDirectory());
        } catch (FileAlreadyExistsException exists) {
          // checked below
        }
        if (!trusted(dir)) {
          unusable = true;
          return false;
        }
      }
      for (Path entry : list(directory)) {
        if (name(entry).endsWith(SUFFIX)) {
          entries++;
          bytes += Files.size(entry);
        }
      }
      counted = true;
    }
    return !unusable;
  }

  private void write(Path target, byte[] data) throws IOException {
    // Unique among the JVMs sharing the directory: this cache's identity, the time, a counter.
    Path temporary = target.resolveSibling(name(target) + "." + Integer.toHexString(System.identityHashCode(this))
        + Long.toHexString(System.nanoTime()) + "-" + counter.incrementAndGet() + TEMPORARY);
    try {
      try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        out.write(data);
      }
      restrict(temporary);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Removes the contexts beyond the {@link #KEPT_CONTEXTS} most recently written (older agent builds,
   * other {@code methods} options) and temporary files that a crashed writer left. For the agent's own
   * thread, never the host's.
   */
  public void prune() {
    if (unusable || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      List<Path> others = new ArrayList<>();
      for (Path child : list(root)) {
        if (!child.equals(directory) && isDigest(name(child))
            && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          others.add(child);
        }
      }
      others.sort((a, b) -> Long.compare(modified(b), modified(a)));
      for (int i = KEPT_CONTEXTS - 1; i < others.size(); i++) {
        deleteContext(others.get(i));
      }
      if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
        long stale = System.currentTimeMillis() - STALE_TEMPORARY_MILLIS;
        for (Path file : list(directory)) {
          if (name(file).endsWith(TEMPORARY) && modified(file) < stale) {
            Files.deleteIfExists(file);
          }
        }
      }
    } catch (IOException | RuntimeException failed) {
      AgentLog.debug("weave cache: could not prune " + root + " (" + failed.getClass().getSimpleName() + ")");
    }
  }

  private static void deleteContext(Path context) throws IOException {
    if (Ownership.look(context, true).kind() != Ownership.Kind.TRUSTED) {
      return; // not ours to delete
    }
    for (Path file : list(context)) {
      String name = name(file);
      if (name.endsWith(SUFFIX) || name.endsWith(TEMPORARY)) {
        Files.deleteIfExists(file);
      }
    }
    try {
      Files.deleteIfExists(context);
    } catch (java.nio.file.DirectoryNotEmptyException foreign) {
      // something else lives there: left alone
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
      for (Path entry : listing) {
        found.add(entry);
        if (found.size() > 4 * MAX_ENTRIES) {
          break;
        }
      }
    }
    return found;
  }

  /** A listed path's own name ({@code getFileName()} is null only for a root, which a listing never yields). */
  private static String name(Path path) {
    Path name = path.getFileName();
    return name == null ? "" : name.toString();
  }

  private static long modified(Path path) {
    try {
      return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis();
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
  }

  private static FileAttribute<?>[] privateDirectory() {
    if (!posix()) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
  }

  private static void restrict(Path file) throws IOException {
    if (posix()) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static boolean posix() {
    return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** One line for {@code debug=true}, with the counts so far. */
  @Override
  public String toString() {
    return "weave cache " + directory + (warmAtStart ? " (warm at start)" : " (cold at start)") + ": " + found.get()
        + " entries found, " + absent.get() + " absent, " + refused.get() + " refused, " + stored.get() + " stored";
  }

  /** The entry's file name: digests of the class's name and of its original bytes, and their length. */
  static String fileName(String className, byte[] original) {
    CRC32C crc = new CRC32C();
    crc.update(original, 0, original.length);
    return hex(fnv64(className)) + "-" + Integer.toHexString((int) crc.getValue()) + "-"
        + Integer.toHexString(original.length) + SUFFIX;
  }

  /** The context's directory name: its digest; the context itself is kept, and compared, in each entry. */
  static String digest(String context) {
    return hex(fnv64(context));
  }

  private static boolean isDigest(String name) {
    if (name.length() != 16) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  private static long fnv64(String text) {
    long h = 0xCBF29CE484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001B3L;
    }
    return h;
  }

  private static String hex(long value) {
    String digits = Long.toHexString(value);
    return "0000000000000000".substring(digits.length()) + digits;
  }
}
