package io.tracked.agent.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Runs a system command for a test's set-up (mkfifo, mount, chmod): whether it ran and succeeded. */
public final class Commands {

  private Commands() {}

  /** True if the command exists, finished within 30 s and exited 0; a missing command is false, not an error. */
  public static boolean run(String... command) throws InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
    } catch (IOException notInstalled) {
      return false;
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return false;
    }
    return process.exitValue() == 0;
  }
}
