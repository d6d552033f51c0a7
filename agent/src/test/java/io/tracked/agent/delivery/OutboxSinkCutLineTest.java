package io.tracked.agent.delivery;

import static io.tracked.agent.testing.Commands.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A line cut by a crash or a full disk stays alone on its line: the next event is never glued onto it. */
class OutboxSinkCutLineTest {

  @TempDir Path dir;
  private Path mounted;
  final AtomicLong clock = new AtomicLong();
  final List<String> said = new ArrayList<>();

  @AfterEach
  void unmount() throws Exception {
    if (mounted != null) {
      run("umount", "-l", mounted.toString());
    }
  }

  @Test
  void theNextLineAfterACutOneStartsOnAFreshLine() throws Exception {
    Path file = dir.resolve("outbox.jsonl");
    String whole = OutboxLines.line("a-0000");
    String cut = OutboxLines.line("a-0001").substring(0, 30);
    Files.writeString(file, whole + "\n" + cut, StandardCharsets.UTF_8); // a crash mid-line

    OutboxSink sink = new OutboxSink(file);
    sink.appendRaw(List.of(OutboxLines.line("b-0000")));
    sink.close(100);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(List.of(whole, cut, OutboxLines.line("b-0000")), lines);
  }

  @Test
  void aDiskThatFillsUpMidLineThenFreesUp() throws Exception {
    Path outboxDir = dir.resolve("small");
    Files.createDirectories(outboxDir);
    assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", outboxDir.toString()),
        "needs permission to mount a tmpfs (root)");
    mounted = outboxDir;
    Path filler = Files.write(outboxDir.resolve("filler"), new byte[8192]);
    Path file = outboxDir.resolve("outbox.jsonl");
    OutboxSink sink = new OutboxSink(file, OutboxSink.MAX_BYTES, OutboxSink.KEPT_ROLLED, 1000, clock::get, said::add);
    int sent = 0;
    while (said.isEmpty() && sent < 1000) {
      sink.appendRaw(List.of(OutboxLines.line(String.format("a-%04d", sent++))));
    }
    int written = sent - 1; // the last one failed
    assertEquals(1, said.size(), said.toString());
    assertTrue(said.get(0).contains(file.toString()) && said.get(0).contains("No space left on device")
        && said.get(0).contains("Fix: free space on its disk"), said.get(0));

    sink.appendRaw(List.of(OutboxLines.line("lost-0001"))); // within the retry interval: counted, not tried
    Files.delete(filler);
    clock.addAndGet(1000); // space is back and the retry interval passed
    sink.appendRaw(List.of(OutboxLines.line("b-0000")));
    sink.close(100);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(OutboxLines.line("b-0000"), lines.get(lines.size() - 1), "whole, on its own line");
    List<String> before = lines.subList(0, lines.size() - 1);
    long whole = before.stream().filter(l -> OutboxLines.id(l) != null).count();
    assertEquals(written, whole, "every line written before the disk filled is whole");
    assertTrue(before.size() - whole <= 1, "at most the one cut line, alone: " + (before.size() - whole));
    assertEquals(2, said.size(), said.toString());
    assertTrue(said.get(1).contains("2 events were dropped meanwhile"), said.get(1));
  }

}
