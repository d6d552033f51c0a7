package io.tracked.agent.delivery;

import java.nio.file.Paths;
import java.util.List;

/**
 * One process appending to a shared outbox, for {@link OutboxSinkConcurrentProcessesTest}.
 * Arguments: FILE PREFIX COUNT MAX_BYTES KEPT. Prints "done" at the end.
 */
public final class OutboxChild {

  public static void main(String[] args) {
    int count = Integer.parseInt(args[2]);
    OutboxSink sink = new OutboxSink(Paths.get(args[0]), Long.parseLong(args[3]), Integer.parseInt(args[4]), 1000,
        System::currentTimeMillis, System.err::println);
    for (int i = 0; i < count; i++) {
      sink.appendRaw(List.of(OutboxLines.line(String.format("%s-%05d", args[1], i))));
    }
    sink.close(1000);
    System.out.println("done");
  }
}
