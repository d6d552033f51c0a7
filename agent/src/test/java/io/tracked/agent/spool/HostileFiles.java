package io.tracked.agent.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes the odd things users' disks hold: FIFOs, small or read-only file systems (where the test may). */
final class HostileFiles {

  private final List<Path> mounted = new ArrayList<>();

  static void mkfifo(Path path) throws Exception {
    run("mkfifo", path.toString());
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Mounts a tmpfs of {@code size} (e.g. "64k") at {@code dir}, with extra options; false where not allowed. */
  boolean mountTmpfs(Path dir, String size, String... options) throws Exception {
    Files.createDirectories(dir);
    String opts = "size=" + size + (options.length == 0 ? "" : "," + String.join(",", options));
    if (!run("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir.toString())) {
      return false;
    }
    mounted.add(dir);
    return true;
  }

  void unmountAll() throws Exception {
    for (Path dir : mounted) {
      run("umount", "-l", dir.toString());
    }
    mounted.clear();
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      return false;
    }
    process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return false;
    }
    return process.exitValue() == 0;
  }
}
