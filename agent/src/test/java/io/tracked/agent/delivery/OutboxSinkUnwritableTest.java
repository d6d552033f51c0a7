package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
    AtomicLong clock = new AtomicLong();
    List<String> said = new ArrayList<>();
    OutboxSink sink = new OutboxSink(file, OutboxSink.MAX_BYTES, OutboxSink.KEPT_ROLLED, 1000, clock::get, said::add);
    sink.send(Events.event("chat", 1));

    Files.delete(blocker);
    sink.send(Events.event("chat", 2)); // within the retry interval: dropped and counted, not tried
    assertFalse(Files.exists(file));
    clock.addAndGet(1000);
    sink.send(Events.event("chat", 3));

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(1, lines.size());
    assertEquals(true, lines.get(0).contains("\"n\":3"), lines.get(0));
    assertEquals(2, said.size(), said.toString());
    assertTrue(said.get(0).contains(blocker.toString()) && said.get(0).contains("Fix: "), said.get(0));
    assertTrue(said.get(1).contains("2 events were dropped meanwhile"), said.get(1));
  }
}
