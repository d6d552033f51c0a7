package io.tracked.agent.delivery;

import java.nio.file.Paths;
import java.util.List;

/**
 * One process appending to a shared outbox, for {@link OutboxSinkConcurrentProcessesTest}.
 * Arguments: FILE PREFIX COUNT MAX_BYTES KEPT. Prints "done" at the end; with COUNT -1 it writes
 * until it is killed, printing "wrote N" every 1,000 lines.
 */
public final class OutboxChild {

  public static void main(String[] args) {
    int count = Integer.parseInt(args[2]);
    OutboxSink sink = new OutboxSink(Paths.get(args[0]), Long.parseLong(args[3]), Integer.parseInt(args[4]), 1000,
        System::currentTimeMillis, System.err::println);
    for (int i = 0; count < 0 || i < count; i++) {
      sink.appendRaw(List.of(OutboxLines.line(String.format("%s-%05d", args[1], i))));
      if (count < 0 && i % 1000 == 999) {
        System.out.println("wrote " + (i + 1));
        System.out.flush();
      }
    }
    sink.close(1000);
    System.out.println("done");
  }
}
