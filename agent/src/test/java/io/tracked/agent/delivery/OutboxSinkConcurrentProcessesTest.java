package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.ChildJvm;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real processes appending to one outbox at once, rolling it many times between them: every
 * line arrives whole, once, and no rolled file is overwritten.
 */
class OutboxSinkConcurrentProcessesTest {

  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final int PER_PROCESS = 3000;

  @TempDir Path dir;
  @TempDir Path home;

  @Test
  void threeProcessesRollingTogetherLoseAndMangleNothing() throws Exception {
    Path outbox = dir.resolve("outbox.jsonl");
    int kept = 400; // enough that nothing is deleted: any missing line was lost by a roll
    long maxBytes = 40L * OutboxLines.line("p-00000").length(); // a roll every ~40 lines
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Paths::get).collect(Collectors.toList());
    List<ChildJvm.Running> children = new ArrayList<>();
    try {
      for (String prefix : List.of("p", "q", "r")) {
        children.add(ChildJvm.builder().mainClass(OutboxChild.class.getName(), classpath).userHome(home)
            .args(outbox.toString(), prefix, String.valueOf(PER_PROCESS), String.valueOf(maxBytes), String.valueOf(kept))
            .start());
      }
      for (ChildJvm.Running child : children) {
        ChildJvm.Result result = child.waitFor(DEADLINE).expectExit(0);
        assertEquals("", result.stderr().strip(), "nothing deleted, nothing failed");
      }
    } finally {
      children.forEach(ChildJvm.Running::close);
    }

    List<String> lines = OutboxLines.all(outbox, kept);
    List<String> ids = lines.stream().map(OutboxLines::id).collect(Collectors.toList());
    List<String> mangled = lines.stream().filter(l -> OutboxLines.id(l) == null).collect(Collectors.toList());
    assertTrue(mangled.isEmpty(), "every line whole, none interleaved: " + mangled.size() + " " + mangled.subList(0, Math.min(5, mangled.size())));
    Set<String> unique = new HashSet<>(ids);
    assertEquals(ids.size(), unique.size(), "no line twice");
    assertEquals(3 * PER_PROCESS, unique.size(), "no line lost");
    try (var files = Files.list(dir)) {
      long count = files.count();
      assertTrue(count > 50, "it did roll, many times: " + count);
    }
  }

  @Test
  void aProcessKilledMidWriteLeavesAtMostOneCutLineAndTheNextWriterStartsAfreshLine() throws Exception {
    Path outbox = dir.resolve("outbox.jsonl");
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Paths::get).collect(Collectors.toList());
    for (int trial = 0; trial < 3; trial++) {
      try (ChildJvm.Running writer = ChildJvm.builder().mainClass(OutboxChild.class.getName(), classpath).userHome(home)
          .args(outbox.toString(), "k" + trial, "-1", String.valueOf(OutboxSink.MAX_BYTES), "4").start()) {
        writer.awaitStdout(out -> out.contains("wrote 2000"), DEADLINE);
        writer.close(); // SIGKILL, in the middle of its stream of appends
      }
      OutboxSink next = new OutboxSink(outbox);
      next.appendRaw(List.of(OutboxLines.line("after-" + trial)));
      next.close(100);
    }
    List<String> lines = OutboxLines.all(outbox, 4);
    List<String> mangled = lines.stream().filter(l -> OutboxLines.id(l) == null).collect(Collectors.toList());
    assertTrue(mangled.size() <= 3, "at most one cut line per kill: " + mangled);
    for (int trial = 0; trial < 3; trial++) {
      assertTrue(lines.contains(OutboxLines.line("after-" + trial)), "the next writer's line is whole: trial " + trial);
    }
  }
}
