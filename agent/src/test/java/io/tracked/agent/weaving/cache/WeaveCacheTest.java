package io.tracked.agent.weaving.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.testing.Commands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache's files: kept by one start and found by the next, private to the user, one context per
 * agent build and options, bounded, and silent when the disk refuses.
 */
class WeaveCacheTest {

  @TempDir Path home; // the Continue directory

  private final byte[] original = Entries.bytes(200, 1);

  private WeaveCache start() {
    return WeaveCache.open(home, Entries.CONTEXT);
  }

  @Test
  void whatOneStartKeepsTheNextFindsAndNothingElse() throws Exception {
    WeaveCache first = start();
    assertFalse(first.warmAtStart());
    assertNull(first.lookup("com/example/Editor", original), "a cold cache is not read");
    first.store(Entries.key("com/example/Editor", original), Entries.record(new byte[] {1, 2, 3}));

    WeaveCache second = start();
    assertTrue(second.warmAtStart());
    EntryCodec.Entry found = second.lookup("com/example/Editor", original);
    assertNotNull(found);
    assertArrayEquals(new byte[] {1, 2, 3}, found.record().woven());
    assertNull(second.lookup("com/example/Editor", Entries.bytes(200, 2)), "other bytes of the same class");
    assertNull(second.lookup("com/example/Other", original), "the same bytes under another name");
    assertFalse(WeaveCache.open(home, Entries.CONTEXT + " rebuilt").warmAtStart(), "another build is another context");

    Path directory = second.directory();
    assertEquals(home.resolve("telemetry/weave-cache"), directory.getParent(), "under <continue dir>/telemetry");
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.getParent())));
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> entries = files.toList();
      assertEquals(1, entries.size(), "no temporary file is left: " + entries);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entries.get(0))));
    }
  }

  @Test
  void aPipeOrDeviceWhereAnEntryBelongsIsNeverOpened() throws Exception {
    WeaveCache first = start();
    first.store(Entries.key("com/example/Editor", original), Entries.record(new byte[] {1}));
    Path entry = first.directory().resolve(WeaveCache.fileName("com/example/Editor", original));
    Files.delete(entry);
    Assumptions.assumeTrue(Commands.run("mkfifo", entry.toString()), "mkfifo is needed");
    WeaveCache second = start();
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertNull(second.lookup("com/example/Editor", original)));
    Files.delete(entry);
    Files.createSymbolicLink(entry, Path.of("/dev/zero"));
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertNull(start().lookup("com/example/Editor", original)));
  }

  @Test
  void aDirectoryWritableByOthersIsNeitherReadNorWritten() throws Exception {
    WeaveCache first = start();
    first.store(Entries.key("com/example/Editor", original), Entries.record(new byte[] {1}));
    Files.setPosixFilePermissions(first.directory(), PosixFilePermissions.fromString("rwxrwxrwx"));
    WeaveCache second = start();
    assertFalse(second.warmAtStart());
    assertNull(second.lookup("com/example/Editor", original));
    second.store(Entries.key("com/example/Other", original), Entries.record(new byte[] {1}));
    try (Stream<Path> files = Files.list(first.directory())) {
      assertEquals(1, files.count(), "nothing may be written where others can write");
    }
  }

  @Test
  void anUnwritableHomeIsSilent() throws Exception {
    Files.createDirectories(home.resolve("telemetry"));
    Files.write(home.resolve("telemetry/weave-cache"), new byte[] {1});
    WeaveCache cache = start();
    assertDoesNotThrow(() -> cache.store(Entries.key("a/B", original), Entries.record(new byte[] {1})));
    assertDoesNotThrow(cache::prune);
    assertNull(start().lookup("a/B", original));
  }

  @Test
  void aContextHoldsAtMostItsBoundOfEntries() throws Exception {
    WeaveCache cache = start();
    WeaveRecord small = new WeaveRecord(new byte[] {1}, List.of());
    for (int i = 0; i < WeaveCache.MAX_ENTRIES + 5; i++) {
      cache.store(Entries.key("c/C" + i, original), small);
    }
    try (Stream<Path> files = Files.list(cache.directory())) {
      assertEquals(WeaveCache.MAX_ENTRIES, files.count());
    }
    WeaveCache next = start(); // counts what is there before adding
    next.store(Entries.key("c/Another", original), small);
    try (Stream<Path> files = Files.list(cache.directory())) {
      assertEquals(WeaveCache.MAX_ENTRIES, files.count());
    }
  }

  @Test
  void onlyTheMostRecentContextsAreKept() throws Exception {
    for (int i = 0; i < 6; i++) {
      WeaveCache old = WeaveCache.open(home, Entries.CONTEXT + " build " + i);
      old.store(Entries.key("a/B", original), Entries.record(new byte[] {1}));
      Files.setLastModifiedTime(old.directory(), FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    WeaveCache current = start();
    current.store(Entries.key("a/B", original), Entries.record(new byte[] {1}));
    current.prune();
    try (Stream<Path> contexts = Files.list(current.directory().getParent())) {
      List<Path> kept = contexts.sorted().toList();
      assertEquals(WeaveCache.KEPT_CONTEXTS, kept.size(), kept.toString());
      assertTrue(kept.contains(current.directory()));
      for (int i = 3; i < 6; i++) {
        assertTrue(kept.contains(WeaveCache.open(home, Entries.CONTEXT + " build " + i).directory()), "build " + i);
      }
    }
  }
}
