package io.tracked.agent.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only a small regular file is ever opened: a named pipe, a link to an endless device, a directory or
 * a huge file is refused from its attributes, with a line naming the path, and the caller never waits.
 */
class BoundedFileTest {

  // A hang guard, not a speed limit: before the fix, opening a FIFO never returned.
  private static final Duration HANG = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void readsASmallRegularFile() throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"), "{\"a\": 1}");
    BoundedFile.Read read = BoundedFile.read(file, 1024);
    assertEquals(BoundedFile.Status.READ, read.status());
    assertArrayEquals("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), read.bytes());
    assertNull(read.problem());
  }

  @Test
  void missingFileIsMissingNotAProblem() {
    BoundedFile.Read read = BoundedFile.read(dir.resolve("absent.json"), 1024);
    assertEquals(BoundedFile.Status.MISSING, read.status());
    assertNull(read.problem());
  }

  @Test
  void namedPipeIsRefusedWithoutOpeningIt() throws Exception {
    Path fifo = dir.resolve("config.json");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is available");
    BoundedFile.Read read = assertTimeoutPreemptively(HANG, () -> BoundedFile.read(fifo, 1024));
    assertRefused(read, fifo, "named pipe");
  }

  @Test
  void linkToAnEndlessDeviceIsRefused() throws Exception {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.exists(zero), "/dev/zero exists");
    Path link = Files.createSymbolicLink(dir.resolve("config.json"), zero);
    BoundedFile.Read read = assertTimeoutPreemptively(HANG, () -> BoundedFile.read(link, 1024));
    assertRefused(read, link, "character device");
  }

  @Test
  void directoryIsRefused() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("config.json"));
    assertRefused(BoundedFile.read(directory, 1024), directory, "directory");
  }

  @Test
  void fileOverTheBoundIsRefusedUnread() throws Exception {
    Path huge = dir.resolve("config.json");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(200L * 1024 * 1024); // 200 MB that costs no disk
    }
    assertRefused(BoundedFile.read(huge, BoundedFile.MAX_CONFIG_BYTES), huge, "larger than 1024 KB");
  }

  @Test
  void stampChangesWhenTheFileIsReplaced() throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"), "{}");
    FileStamp before = BoundedFile.stamp(file);
    assertEquals(before, BoundedFile.stamp(file), "an unchanged file has an unchanged stamp");
    Path next = Files.writeString(dir.resolve("next.json"), "{ }");
    Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertNotEquals(before, BoundedFile.stamp(file));
  }

  @Test
  void exceptionKindsNeverCarryTheirMessage() {
    String kind = BoundedFile.kindOf(new java.io.IOException("sk_live_secret in the message"));
    assertFalse(kind.contains("sk_live"), kind);
  }

  private static void assertRefused(BoundedFile.Read read, Path file, String why) {
    assertEquals(BoundedFile.Status.REFUSED, read.status());
    assertNull(read.bytes());
    assertTrue(read.problem().startsWith(file.toString()), read.problem());
    assertTrue(read.problem().contains(why), read.problem());
    assertTrue(read.problem().contains("Fix: "), read.problem());
    assertFalse(read.problem().contains("\n"), read.problem());
  }
}
