package io.tracked.agent.spool;

import static io.tracked.agent.spool.Spools.drain;
import static io.tracked.agent.spool.Spools.records;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import io.tracked.agent.testing.UnprivilegedJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What sits where the spool lives: a FIFO, a link to /dev/zero, a file, a huge file, a read-only or
 * full file system. Each: nothing hangs, nothing throws, one line naming the path and the fix. The
 * deadline below only catches a hang; it is not a speed limit.
 */
class SpoolHostilePathsTest {

  private static final Duration HANG = Duration.ofSeconds(30);

  @TempDir Path continueDir;
  private final HostileFiles hostile = new HostileFiles();

  @AfterEach
  void unmount() throws Exception {
    hostile.unmountAll();
  }

  private Path spoolDir() {
    return continueDir.resolve("telemetry").resolve(Spool.DIRECTORY);
  }

  /** Append, claim and clear all return; the records are counted as dropped with one line. */
  private Spools exercise(int expectedLines) {
    Spools s = new Spools(continueDir);
    assertTimeoutPreemptively(HANG, () -> {
      assertEquals(0, s.destination().append(records("a", 0, 3)));
      assertEquals(0, s.destination().append(records("b", 0, 3)));
      assertTrue(s.destination().claim(10).isEmpty());
      s.spool.clearAll();
      s.spool.close();
    });
    assertEquals(6, s.spool.messages().total(DropReason.UNWRITABLE));
    assertEquals(expectedLines, s.messages.size(), s.messages.toString());
    return s;
  }

  @Test
  void aFifoInPlaceOfTheSpoolDirectory() throws Exception {
    Files.createDirectories(spoolDir().getParent());
    HostileFiles.mkfifo(spoolDir());
    String line = exercise(2).messages.get(0);
    assertTrue(line.contains(spoolDir() + " (it is a named pipe (FIFO), not a directory)")
        && line.contains("dropped 3 events") && line.contains("Fix: remove or rename it"), line);
  }

  @Test
  void aFifoInPlaceOfTheTelemetryDirectory() throws Exception {
    HostileFiles.mkfifo(Files.createDirectories(continueDir).resolve("telemetry"));
    String line = exercise(2).messages.get(0);
    assertTrue(line.contains(continueDir.resolve("telemetry") + " (it is a named pipe (FIFO)"), line);
  }

  @Test
  void aLinkToDevZeroInPlaceOfTheSpoolDirectory() throws Exception {
    Files.createDirectories(spoolDir().getParent());
    Files.createSymbolicLink(spoolDir(), Paths.get("/dev/zero"));
    String line = exercise(2).messages.get(0);
    assertTrue(line.contains("it is a character device, not a directory"), line);
  }

  @Test
  void aRegularFileInPlaceOfTheSpoolDirectory() throws Exception {
    Files.createDirectories(spoolDir().getParent());
    Files.writeString(spoolDir(), "user data");
    String line = exercise(2).messages.get(0);
    assertTrue(line.contains("it is a regular file, not a directory"), line);
    assertEquals("user data", Files.readString(spoolDir()), "never overwritten");
  }

  @Test
  void specialFilesNamedLikeSegmentsAreRemovedWithoutBeingOpened() throws Exception {
    Spools s = new Spools(continueDir);
    SpoolDestination dest = s.destination();
    dest.append(records("a", 0, 2));
    long old = s.clock.get() - 10_000;
    Path fifo = dest.directory().resolve(new SegmentName(old, "00000000000000f1", 5, 100, 0,
        SegmentName.State.SEG, null).fileName());
    HostileFiles.mkfifo(fifo);
    Path zeroLink = dest.directory().resolve(new SegmentName(old, "00000000000000f2", 5, 100, 0,
        SegmentName.State.SEG, null).fileName());
    Files.createSymbolicLink(zeroLink, Paths.get("/dev/zero"));
    Path huge = dest.directory().resolve(new SegmentName(old, "00000000000000f3", 5, 100, 0,
        SegmentName.State.SEG, null).fileName());
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(200L * 1024 * 1024); // sparse: 200 MB that take no room
    }
    Path directory = Files.createDirectory(dest.directory().resolve(new SegmentName(old, "00000000000000f4", 5, 100,
        0, SegmentName.State.SEG, null).fileName()));

    List<String> drained = assertTimeoutPreemptively(HANG, () -> drain(dest, 100));

    assertEquals(List.of("a-0", "a-1"), drained);
    for (Path p : List.of(fifo, zeroLink, huge, directory)) {
      assertFalse(Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS), p + " removed");
    }
    assertTrue(Files.exists(Paths.get("/dev/zero")));
    assertEquals(4, s.messages.size(), s.messages.toString());
    assertTrue(s.messages.stream().anyMatch(m -> m.contains("a named pipe (FIFO), not a regular file")), s.messages.toString());
    assertTrue(s.messages.stream().anyMatch(m -> m.contains("a symbolic link, not a regular file")), s.messages.toString());
    assertTrue(s.messages.stream().anyMatch(m -> m.contains("209715200 bytes, more than")), s.messages.toString());
  }

  @Test
  void aReadOnlyFileSystem() throws Exception {
    // Root ignores permission bits, so a read-only mount is the honest test where root may mount.
    boolean readOnly = hostile.mountTmpfs(continueDir.resolve("telemetry"), "64k", "ro");
    if (!readOnly) {
      assumeTrue(!HostileFiles.isRoot(), "needs mount (root) or a non-root user for chmod");
      Files.createDirectories(continueDir.resolve("telemetry")).toFile().setWritable(false, false);
    }
    try {
      String line = exercise(2).messages.get(0);
      assertTrue(line.contains(spoolDir().toString()) && line.contains("dropped 3 events")
          && (line.contains("Read-only file system") || line.contains("permission denied")), line);
    } finally {
      continueDir.resolve("telemetry").toFile().setWritable(true, false);
    }
  }

  @Test
  void anUnreadableDestinationDirectory() throws Exception {
    assumeTrue(UnprivilegedJvm.available(), "needs a user that permissions apply to");
    Spools s = new Spools(continueDir);
    s.destination().append(records("a", 0, 2));
    s.spool.close();
    Path stop = Files.writeString(continueDir.resolve("stop"), "");
    UnprivilegedJvm.handOver(continueDir);
    Path destination = s.destination().directory();
    run("chmod", "000", destination.toString());
    try {
      UnprivilegedJvm.Result replay = UnprivilegedJvm.run(SpoolChild.class, HANG, "drain", continueDir.toString(), "100",
          stop.toString());
      assertEquals(0, replay.exitCode(), replay.toString());
      assertEquals("", replay.stdout().replace("done", "").strip(), "nothing replayed");
      List<String> lines = replay.stderr().lines().collect(java.util.stream.Collectors.toList());
      assertEquals(1, lines.size(), replay.stderr());
      assertTrue(lines.get(0).contains(destination + " (permission denied)") && lines.get(0).contains("Fix: give your user"),
          lines.get(0));
    } finally {
      run("chmod", "755", destination.toString());
    }
    assertEquals(List.of("a-0", "a-1"), drain(new Spools(continueDir).destination(), 10), "kept for when it is fixed");
  }

  @Test
  void aSpoolDirectoryWithoutWritePermission() throws Exception {
    assumeTrue(UnprivilegedJvm.available(), "needs a user that permissions apply to");
    Files.createDirectories(spoolDir());
    UnprivilegedJvm.handOver(continueDir);
    run("chmod", "555", spoolDir().toString());
    UnprivilegedJvm.Result append = UnprivilegedJvm.run(SpoolChild.class, HANG, "append", continueDir.toString(), "a",
        "10", "10");
    assertEquals(0, append.exitCode(), append.toString());
    assertFalse(append.stdout().contains("stored"), append.stdout());
    List<String> lines = append.stderr().lines().collect(java.util.stream.Collectors.toList());
    assertEquals(1, lines.size(), append.stderr());
    assertTrue(lines.get(0).contains(spoolDir().toString()) && lines.get(0).contains("permission denied")
        && lines.get(0).contains("dropped 10 events") && lines.get(0).contains("Fix: "), lines.get(0));
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) && process.exitValue() == 0, List.of(command).toString());
  }

  @Test
  void aFileSystemThatFillsUpMidWrite() throws Exception {
    assumeTrue(hostile.mountTmpfs(spoolDir(), "64k"), "needs permission to mount a tmpfs (root)");
    Spools s = new Spools(continueDir);
    SpoolDestination dest = s.destination();
    int appended = 0;
    int stored = 0;
    for (int i = 0; i < 40 && s.messages.isEmpty(); i++) {
      stored += dest.append(records("a", i * 100, 100)); // appends of 100 records, about 12 KB each
      appended += 100;
    }
    assertEquals(1, s.messages.size(), s.messages.toString());
    String line = s.messages.get(0);
    assertTrue(line.contains(dest.directory().toString()) && line.contains("No space left on device")
        && line.contains("Fix: free space on its disk"), line);
    assertEquals(appended - stored, s.spool.messages().total(DropReason.UNWRITABLE), "every dropped record counted");

    List<String> replayed = drain(dest, 100); // acking frees space
    assertEquals(stored, replayed.size(), "every stored record replays");
    assertEquals(stored, replayed.stream().distinct().count());
    assertEquals(0, s.spool.messages().total(DropReason.DAMAGED), "the cut write left no damaged record");
    assertEquals(100, dest.append(records("b", 0, 100)), "space back: the next append is whole");
    assertEquals(Spools.uuids(records("b", 0, 100)), drain(dest, 100));
  }
}
