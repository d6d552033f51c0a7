package io.tracked.agent.spool;

import static io.tracked.agent.spool.Spools.drain;
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
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several editor processes on one Continue directory, appending and replaying at once, some killed
 * with SIGKILL mid-way: every stored record is replayed exactly once, whoever replays it.
 */
class SpoolMultiProcessTest {

  private static final Duration DEADLINE = Duration.ofSeconds(120);

  @TempDir Path continueDir;
  @TempDir Path home;

  private ChildJvm child(String... args) {
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Paths::get).collect(Collectors.toList());
    return ChildJvm.builder().mainClass(SpoolChild.class.getName(), classpath).userHome(home)
        .args(args);
  }

  private static List<String> lines(String stdout, String prefix) {
    return stdout.lines().filter(l -> l.startsWith(prefix + " ")).map(l -> l.substring(prefix.length() + 1))
        .collect(Collectors.toList());
  }

  @RepeatedTest(2)
  void threeWritersAndThreeReplayersAtOnceDeliverEachRecordExactlyOnce() throws Exception {
    String dir = continueDir.toString();
    Path stop = continueDir.resolve("stop");
    List<ChildJvm.Running> writers = new ArrayList<>();
    List<ChildJvm.Running> readers = new ArrayList<>();
    try {
      for (String prefix : List.of("p", "q", "r")) {
        writers.add(child("append", dir, prefix, "600", "7").start());
      }
      for (int i = 0; i < 3; i++) {
        readers.add(child("drain", dir, "25", stop.toString()).start());
      }
      Set<String> stored = new HashSet<>();
      for (ChildJvm.Running writer : writers) {
        stored.addAll(lines(writer.waitFor(DEADLINE).expectExit(0).stdout(), "stored"));
      }
      Files.createFile(stop);
      List<String> acked = new ArrayList<>();
      for (ChildJvm.Running reader : readers) {
        acked.addAll(lines(reader.waitFor(DEADLINE).expectExit(0).stdout(), "acked"));
      }
      acked.addAll(drain(Spool.open(continueDir).destination(Spools.HOST, Spools.KEY), 100));

      assertEquals(1800, stored.size(), "every append stored");
      assertEquals(acked.size(), new HashSet<>(acked).size(), "no record replayed twice");
      assertEquals(stored, new HashSet<>(acked), "every stored record replayed");
    } finally {
      writers.forEach(ChildJvm.Running::close);
      readers.forEach(ChildJvm.Running::close);
    }
  }

  @Test
  void aClaimOfAProcessKilledMidReplayIsReplayedByTheNext() throws Exception {
    String dir = continueDir.toString();
    child("append", dir, "a", "50", "10").run(DEADLINE).expectExit(0);
    List<String> claimed;
    try (ChildJvm.Running holder = child("hold", dir, "30").start()) {
      String out = holder.awaitStdout(s -> s.contains("holding"), DEADLINE);
      claimed = lines(out, "claimed");
      assertEquals(30, claimed.size());
      assertTrue(Spool.open(continueDir).destination(Spools.HOST, Spools.KEY).claim(100).records().stream()
          .noneMatch(r -> claimed.contains(r.uuid())), "while it lives, nobody else gets its claim");
      holder.close(); // SIGKILL
    }
    List<String> replayed = drain(Spool.open(continueDir).destination(Spools.HOST, Spools.KEY), 100);
    assertTrue(replayed.containsAll(claimed), "the dead process's claim comes back: " + replayed);
  }

  @RepeatedTest(3)
  void aProcessKilledMidWriteLosesAtMostItsUnfinishedAppend() throws Exception {
    String dir = continueDir.toString();
    List<String> stored;
    try (ChildJvm.Running flood = child("flood", dir, "f", "100").start()) {
      flood.awaitStdout(s -> s.lines().filter(l -> l.startsWith("stored ")).count() >= 1500, DEADLINE);
      flood.close(); // SIGKILL, most likely in the middle of an append
      stored = lines(flood.stdoutSoFar(), "stored");
    }
    Spool next = Spool.open(continueDir);
    List<String> replayed = drain(next.destination(Spools.HOST, Spools.KEY), 100);

    assertEquals(replayed.size(), new HashSet<>(replayed).size(), "no duplicate");
    assertTrue(new HashSet<>(replayed).containsAll(stored), "everything it reported stored is replayed");
    // Records of the append it was killed in may or may not be there, whole; nothing else can be.
    Set<String> possible = new HashSet<>(stored);
    int last = stored.size();
    for (int i = last; i < last + 200; i++) {
      possible.add(Spools.records("f", i, 1).get(0).uuid());
    }
    assertTrue(possible.containsAll(replayed), "nothing but its own records, whole");
  }
}
