package io.tracked.agent.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * One process asking for the anonymous id, for {@link AnonymousIdConcurrentProcessesTest}: it waits
 * for the start file (so several processes ask at the same moment), then prints the id.
 * Arguments: CONTINUE_DIR START_FILE.
 */
public final class AnonymousIdChild {

  public static void main(String[] args) throws Exception {
    Path start = Paths.get(args[1]);
    System.out.println("ready");
    System.out.flush();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(start) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    System.out.println("id " + new AnonymousId(Paths.get(args[0])).get());
  }
}
