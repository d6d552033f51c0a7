package io.tracked.agent.pipeline;

import static io.tracked.agent.testing.Commands.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tracked.agent.testing.UnprivilegedJvm;
import io.tracked.testkit.ChildJvm;
import java.io.File;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can sit where the anonymous id lives, each tried in a real JVM: it exits 0 with a valid id,
 * nothing hangs, and anything that is not a plain id file it may replace gets one line naming the
 * path and the fix, and is left as it was.
 */
class AnonymousIdHostilePathsTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path continueDir;
  @TempDir Path startDir;
  private final List<Path> mounts = new ArrayList<>();

  @AfterEach
  void unmount() throws Exception {
    for (Path dir : mounts) {
      run("umount", "-l", dir.toString());
    }
  }

  private Path idFile() {
    return continueDir.resolve("telemetry").resolve(AnonymousId.FILE_NAME);
  }

  /** Runs a JVM asking for the id; returns its stderr after checking it printed a valid id. */
  private String askInAChildJvm() throws Exception {
    Path start = Files.writeString(startDir.resolve("start"), "");
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Paths::get).collect(Collectors.toList());
    ChildJvm.Result result = ChildJvm.builder().mainClass(AnonymousIdChild.class.getName(), classpath)
        .userHome(startDir).args(continueDir.toString(), start.toString()).run(DEADLINE).expectExit(0);
    String id = result.stdout().lines().filter(l -> l.startsWith("id ")).findFirst().orElseThrow().substring(3);
    assertEquals(id, UUID.fromString(id).toString());
    return result.stderr();
  }

  private static void assertOneLineNaming(String stderr, Path path) {
    List<String> lines = stderr.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
    assertEquals(1, lines.size(), stderr);
    assertTrue(lines.get(0).startsWith("[tracked] ") && lines.get(0).contains(path.toString())
        && lines.get(0).contains("Fix: "), lines.get(0));
  }

  @Test
  void aFifo() throws Exception {
    Files.createDirectories(idFile().getParent());
    assumeTrue(run("mkfifo", idFile().toString()), "mkfifo");
    String stderr = askInAChildJvm();
    assertOneLineNaming(stderr, idFile());
    assertTrue(stderr.contains("named pipe"), stderr);
    assertFalse(Files.isRegularFile(idFile()), "left alone");
  }

  @Test
  void aLinkToDevZero() throws Exception {
    Files.createDirectories(idFile().getParent());
    Files.createSymbolicLink(idFile(), Paths.get("/dev/zero"));
    String stderr = askInAChildJvm();
    assertOneLineNaming(stderr, idFile());
    assertTrue(stderr.contains("character device"), stderr);
    assertTrue(Files.isSymbolicLink(idFile()), "left alone");
  }

  @Test
  void aDirectory() throws Exception {
    Files.createDirectories(idFile().resolve("inside"));
    String stderr = askInAChildJvm();
    assertOneLineNaming(stderr, idFile());
    assertTrue(Files.isDirectory(idFile().resolve("inside")), "left alone");
  }

  @Test
  void aHugeFileIsNeverReadButReplaced() throws Exception {
    Files.createDirectories(idFile().getParent());
    try (RandomAccessFile file = new RandomAccessFile(idFile().toFile(), "rw")) {
      file.setLength(200L * 1024 * 1024); // sparse: no room taken
    }
    String stderr = askInAChildJvm();
    assertEquals("", stderr.strip(), "a corrupt id file of ours is replaced without a word");
    String id = Files.readString(idFile(), StandardCharsets.US_ASCII).trim();
    assertEquals(id, UUID.fromString(id).toString());
  }

  @Test
  void aTelemetryPathThatIsAFifo() throws Exception {
    Files.createDirectories(continueDir);
    assumeTrue(run("mkfifo", idFile().getParent().toString()), "mkfifo");
    String stderr = askInAChildJvm();
    assertOneLineNaming(stderr, idFile().getParent());
  }

  @Test
  void aReadOnlyFileSystem() throws Exception {
    Path telemetry = Files.createDirectories(idFile().getParent());
    assumeTrue(mount(telemetry, "size=64k,ro"), "needs permission to mount a tmpfs (root)");
    String stderr = askInAChildJvm();
    assertOneLineNaming(stderr, telemetry);
    assertTrue(stderr.contains("Read-only file system"), stderr);
  }

  @Test
  void aFullDisk() throws Exception {
    Path telemetry = Files.createDirectories(idFile().getParent());
    assumeTrue(mount(telemetry, "size=4k"), "needs permission to mount a tmpfs (root)");
    try {
      Files.write(telemetry.resolve("filler"), new byte[64 * 1024]);
    } catch (java.io.IOException full) {
      // the point: nothing left
    }
    String stderr = askInAChildJvm();
    assertOneLineNaming(stderr, telemetry);
    assertTrue(stderr.contains("No space left on device"), stderr);
    assertFalse(Files.exists(idFile(), LinkOption.NOFOLLOW_LINKS), "no empty or cut id file left");
  }

  @Test
  void anUnreadableFile() throws Exception {
    assumeTrue(UnprivilegedJvm.available(), "needs a user that permissions apply to");
    String kept = UUID.randomUUID().toString();
    Files.createDirectories(idFile().getParent());
    Files.writeString(idFile(), kept);
    Path start = Files.writeString(continueDir.resolve("start"), "");
    UnprivilegedJvm.handOver(continueDir);
    assumeTrue(run("chmod", "000", idFile().toString()), "chmod");
    UnprivilegedJvm.Result result = UnprivilegedJvm.run(AnonymousIdChild.class, DEADLINE, continueDir.toString(),
        start.toString());
    assertEquals(0, result.exitCode(), result.toString());
    String id = result.stdout().lines().filter(l -> l.startsWith("id ")).findFirst().orElseThrow().substring(3);
    assertEquals(id, UUID.fromString(id).toString());
    assertOneLineNaming(result.stderr(), idFile());
    assertTrue(result.stderr().contains("permission denied"), result.stderr());
    run("chmod", "644", idFile().toString());
    assertEquals(kept, Files.readString(idFile()), "left alone");
  }

  @Test
  void aDirectoryWithoutWritePermission() throws Exception {
    assumeTrue(UnprivilegedJvm.available(), "needs a user that permissions apply to");
    Path telemetry = Files.createDirectories(idFile().getParent());
    Path start = Files.writeString(continueDir.resolve("start"), "");
    UnprivilegedJvm.handOver(continueDir);
    assumeTrue(run("chmod", "555", telemetry.toString()), "chmod");
    UnprivilegedJvm.Result result = UnprivilegedJvm.run(AnonymousIdChild.class, DEADLINE, continueDir.toString(),
        start.toString());
    assertEquals(0, result.exitCode(), result.toString());
    assertOneLineNaming(result.stderr(), telemetry);
    assertTrue(result.stderr().contains("permission denied"), result.stderr());
  }

  private boolean mount(Path dir, String options) throws Exception {
    if (!run("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString())) {
      return false;
    }
    mounts.add(dir);
    return true;
  }

}
