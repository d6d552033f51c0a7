package io.tracked.agent.delivery;

import static io.tracked.agent.testing.Commands.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tracked.agent.testing.UnprivilegedJvm;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can sit where the outbox goes: a FIFO, a link to /dev/zero, a directory, a read-only file
 * system. Nothing hangs (the deadline only catches a hang), nothing is opened but a regular file,
 * one line names the path and the fix, and the thing is left as it was.
 */
class OutboxSinkHostilePathsTest {

  private static final Duration HANG = Duration.ofSeconds(30);

  @TempDir Path dir;
  private Path mounted;
  final AtomicLong clock = new AtomicLong();
  final List<String> said = new ArrayList<>();

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      run("umount", "-l", mounted.toString());
    }
  }

  /** Sends 5 events (the path tried twice: once at first, once after the retry interval), then closes. */
  private void sendFive(Path file) {
    OutboxSink sink = new OutboxSink(file, OutboxSink.MAX_BYTES, OutboxSink.KEPT_ROLLED, 1000, clock::get, said::add);
    assertTimeoutPreemptively(HANG, () -> {
      for (int i = 0; i < 5; i++) {
        sink.send(Events.event("chat", i));
        clock.addAndGet(400);
      }
      sink.close(100);
    });
    assertEquals(2, said.size(), "the problem once, and the true count at close: " + said);
    assertTrue(said.get(0).contains("Fix: "), said.get(0));
    assertTrue(said.get(1).contains("5 events were dropped in all"), said.get(1));
  }

  @Test
  void aFifo() throws Exception {
    Path file = dir.resolve("outbox.jsonl");
    assumeTrue(run("mkfifo", file.toString()), "mkfifo");
    sendFive(file);
    assertTrue(said.get(0).contains(file + " is a named pipe (FIFO), not a regular file"), said.get(0));
    assertFalse(Files.isRegularFile(file), "left alone");
  }

  @Test
  void aLinkToDevZero() throws Exception {
    Path file = Files.createSymbolicLink(dir.resolve("outbox.jsonl"), Paths.get("/dev/zero"));
    sendFive(file);
    assertTrue(said.get(0).contains(file + " is a character device, not a regular file"), said.get(0));
    assertTrue(Files.isSymbolicLink(file));
  }

  @Test
  void aDirectoryInPlaceOfTheFile() throws Exception {
    Path file = Files.createDirectory(dir.resolve("outbox.jsonl"));
    sendFive(file);
    assertTrue(said.get(0).contains(file + " is a directory, not a regular file"), said.get(0));
  }

  @Test
  void aFifoInPlaceOfTheDirectory() throws Exception {
    Path parent = dir.resolve("telemetry");
    assumeTrue(run("mkfifo", parent.toString()), "mkfifo");
    sendFive(parent.resolve("outbox.jsonl"));
    assertTrue(said.get(0).contains(parent + " is a named pipe (FIFO), not a directory"), said.get(0));
  }

  @Test
  void aReadOnlyFileSystem() throws Exception {
    Path parent = Files.createDirectories(dir.resolve("ro"));
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=16k,ro", "tmpfs", parent.toString()),
        "needs permission to mount a tmpfs (root)");
    mounted = parent;
    sendFive(parent.resolve("outbox.jsonl"));
    assertTrue(said.get(0).contains("Read-only file system"), said.get(0));
    assertFalse(Files.exists(parent.resolve("outbox.jsonl"), LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aLinkToARegularFileIsFollowed() throws Exception {
    Path target = Files.writeString(dir.resolve("elsewhere.jsonl"), "");
    Path file = Files.createSymbolicLink(dir.resolve("outbox.jsonl"), target);
    OutboxSink sink = new OutboxSink(file, OutboxSink.MAX_BYTES, OutboxSink.KEPT_ROLLED, 1000, clock::get, said::add);
    sink.send(Events.event("chat", 1));
    sink.close(100);
    assertEquals(1, Files.readAllLines(target).size());
    assertTrue(said.isEmpty(), said.toString());
  }

  @Test
  void aDirectoryWithoutWritePermission() throws Exception {
    assumeTrue(UnprivilegedJvm.available(), "needs a user that permissions apply to");
    Path parent = Files.createDirectories(dir.resolve("telemetry"));
    UnprivilegedJvm.handOver(dir);
    assumeTrue(run("chmod", "555", parent.toString()), "chmod");
    Path file = parent.resolve("outbox.jsonl");
    UnprivilegedJvm.Result result = UnprivilegedJvm.run(OutboxChild.class, HANG, file.toString(), "a", "20",
        String.valueOf(OutboxSink.MAX_BYTES), "4");
    assertEquals(0, result.exitCode(), result.toString());
    List<String> lines = result.stderr().lines().collect(java.util.stream.Collectors.toList());
    assertEquals(2, lines.size(), "the problem, then the true count at close: " + result.stderr());
    assertTrue(lines.get(0).contains(file + " (permission denied)") && lines.get(0).contains("Fix: "), lines.get(0));
    assertTrue(lines.get(1).contains("20 events were dropped in all"), lines.get(1));
  }

}
