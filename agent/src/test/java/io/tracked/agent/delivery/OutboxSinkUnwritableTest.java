package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An outbox that cannot be written drops events and says so; it never throws at the pipeline. */
class OutboxSinkUnwritableTest {

  @TempDir Path dir;

  @Test
  void unwritableLocationDoesNotThrow() throws Exception {
    // A regular file where a directory is needed: unwritable for every user, root included.
    Path blocker = Files.writeString(dir.resolve("blocker"), "in the way");
    Path file = blocker.resolve("telemetry").resolve("outbox.jsonl");
    OutboxSink sink = new OutboxSink(file);

    assertDoesNotThrow(() -> {
      sink.send(Events.event("chat", 1));
      sink.send(Events.event("chat", 2));
      sink.close(100);
    });
    assertFalse(Files.exists(file));
    assertEquals("in the way", Files.readString(blocker));
  }

  @Test
  void outboxThatIsADirectoryDoesNotThrow() throws Exception {
    Path file = Files.createDirectory(dir.resolve("outbox.jsonl"));
    OutboxSink sink = new OutboxSink(file);

    assertDoesNotThrow(() -> sink.send(Events.event("chat", 1)));
    assertEquals(0, Files.list(file).count());
  }

  @Test
  void recoversOnceTheLocationBecomesWritable() throws Exception {
    Path blocker = Files.writeString(dir.resolve("blocker"), "in the way");
    Path file = blocker.resolve("outbox.jsonl");
    OutboxSink sink = new OutboxSink(file);
    sink.send(Events.event("chat", 1));

    Files.delete(blocker);
    sink.send(Events.event("chat", 2));

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(1, lines.size());
    assertEquals(true, lines.get(0).contains("\"n\":2"), lines.get(0));
  }
}
