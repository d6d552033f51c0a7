package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rolled files are kept (a bounded few), shifted by rename, and only the oldest is ever deleted, with its count said. */
class OutboxSinkRollingTest {

  private static final int LINE = OutboxLines.line("a-0000").length() + 1;

  @TempDir Path dir;
  final AtomicLong clock = new AtomicLong();
  final List<String> said = new ArrayList<>();

  private OutboxSink sink(Path file, long maxBytes, int kept) {
    return new OutboxSink(file, maxBytes, kept, 1000, clock::get, said::add);
  }

  private static List<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> String.format("a-%04d", i)).collect(Collectors.toList());
  }

  @Test
  void everyLineIsKeptWhileTheRolledFilesFit() {
    Path file = dir.resolve("outbox.jsonl");
    OutboxSink sink = sink(file, 10L * LINE, 4);
    ids(0, 50).forEach(id -> sink.appendRaw(List.of(OutboxLines.line(id))));
    sink.close(100);

    for (int generation = 1; generation <= 4; generation++) {
      assertTrue(Files.exists(dir.resolve("outbox.jsonl." + generation)), "generation " + generation);
    }
    List<String> lines = OutboxLines.all(file, 4);
    assertEquals(ids(0, 50), lines.stream().map(OutboxLines::id).collect(Collectors.toList()), "in order, none lost");
    assertTrue(said.isEmpty(), said.toString());
  }

  @Test
  void beyondTheBoundOnlyTheOldestRolledFileGoesAndItsCountIsSaid() {
    Path file = dir.resolve("outbox.jsonl");
    OutboxSink sink = sink(file, 10L * LINE, 2);
    ids(0, 45).forEach(id -> sink.appendRaw(List.of(OutboxLines.line(id))));

    assertFalse(Files.exists(dir.resolve("outbox.jsonl.3")), "never more than 2 rolled files");
    List<String> kept = OutboxLines.all(file, 2).stream().map(OutboxLines::id).collect(Collectors.toList());
    assertEquals(ids(20, 45), kept, "the newest 25 lines (two full rolled files and the current), in order");
    assertEquals(1, said.size(), "the first deletion is said at once, later ones wait: " + said);
    assertTrue(said.get(0).contains("deleted the oldest rolled file (10 events)") && said.get(0).contains("Fix: "),
        said.get(0));
    sink.close(100);
    assertEquals(2, said.size(), said.toString());
    assertTrue(said.get(1).contains("deleted the oldest rolled file (10 events)"), "the rest at close: " + said.get(1));
  }

  @Test
  void aHugeOutboxLeftByAnotherRunIsRolledAsideNotRead() throws Exception {
    Path file = dir.resolve("outbox.jsonl");
    try (RandomAccessFile huge = new RandomAccessFile(file.toFile(), "rw")) {
      huge.setLength(200L * 1024 * 1024); // sparse
      huge.seek(huge.length() - 1);
      huge.write('\n');
    }
    OutboxSink sink = sink(file, OutboxSink.MAX_BYTES, 4);
    sink.appendRaw(List.of(OutboxLines.line("a-0000")));
    sink.close(100);

    assertEquals(200L * 1024 * 1024, Files.size(dir.resolve("outbox.jsonl.1")), "moved aside whole");
    assertEquals(List.of(OutboxLines.line("a-0000")), Files.readAllLines(file));
  }
}
