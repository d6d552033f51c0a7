package io.tracked.agent.spool;

import static io.tracked.agent.testing.Commands.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

}
