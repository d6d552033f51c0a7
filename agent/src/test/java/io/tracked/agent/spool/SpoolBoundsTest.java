package io.tracked.agent.spool;

import static io.tracked.agent.spool.Spools.drain;
import static io.tracked.agent.spool.Spools.records;
import static io.tracked.agent.spool.Spools.uuids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded by bytes and age: the oldest go first, every drop counted, the messages add up to the true number. */
class SpoolBoundsTest {

  @TempDir Path continueDir;

  private static long bytesOnDisk(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static int recordBytes() {
    return SegmentCodec.encode(Spools.record("a-0")).length;
  }

  @Test
  void overTheByteBoundTheOldestAreDroppedAndCounted() throws Exception {
    int perRecord = recordBytes();
    long bound = 50L * perRecord; // room for 50 records (in segments of 10)
    Spools s = new Spools(continueDir, new SpoolBounds(bound, Duration.ofDays(7), 10, 4096));
    SpoolDestination dest = s.destination();
    for (int i = 0; i < 12; i++) {
      dest.append(records("a", i * 10, 10));
      assertTrue(bytesOnDisk(dest.directory()) <= bound, "within the bound after append " + i);
    }
    s.spool.close();

    List<String> left = drain(new Spools(continueDir).destination(), 100);
    assertEquals(uuids(records("a", 70, 50)), left, "the newest 50 are kept, in order");
    assertEquals(70, s.spool.messages().total(DropReason.FULL));
    long reported = s.messages.stream().filter(m -> m.contains("oldest first"))
        .mapToLong(m -> Long.parseLong(m.replaceAll(".*dropped (\\d+) events.*", "$1"))).sum();
    assertEquals(70, reported, "the lines add up to the true number: " + s.messages);
  }

  @Test
  void aBatchLargerThanTheWholeBoundKeepsItsNewestRecords() {
    int perRecord = recordBytes();
    Spools s = new Spools(continueDir, new SpoolBounds(5L * perRecord, Duration.ofDays(7), 100, 4096));
    assertEquals(5, s.destination().append(records("a", 0, 8)));
    assertEquals(uuids(records("a", 3, 5)), drain(s.destination(), 100));
    assertEquals(3, s.spool.messages().total(DropReason.FULL));
  }

  @Test
  void recordsOlderThanTheAgeBoundAreDroppedAtTheNextClaim() {
    Spools s = new Spools(continueDir, new SpoolBounds(1 << 20, Duration.ofHours(1), 100, 4096));
    SpoolDestination dest = s.destination();
    dest.append(records("old", 0, 4));
    s.clock.addAndGet(Duration.ofMinutes(59).toMillis());
    dest.append(records("new", 0, 2));
    s.clock.addAndGet(Duration.ofMinutes(2).toMillis());

    assertEquals(List.of("new-0", "new-1"), drain(dest, 100));
    assertEquals(4, s.spool.messages().total(DropReason.EXPIRED));
    s.spool.close();
    assertTrue(s.messages.stream().anyMatch(m -> m.contains("dropped 4 events") && m.contains("older than 1 hour")),
        s.messages.toString());
  }

  @Test
  void aRecordLargerThanASegmentIsDroppedAndTheOthersKept() {
    Spools s = new Spools(continueDir, new SpoolBounds(1 << 20, Duration.ofDays(1), 100, 1024));
    SpoolRecord huge = new SpoolRecord("huge", "{\"x\":\"" + "y".repeat(2000) + "\"}");
    assertEquals(2, s.destination().append(List.of(Spools.record("a"), huge, Spools.record("b"))));
    assertEquals(List.of("a", "b"), drain(s.destination(), 100));
    assertEquals(1, s.spool.messages().total(DropReason.TOO_LARGE));
  }

  @Test
  void dropMessagesAreRateLimitedButNeverLost() {
    int perRecord = recordBytes();
    Spools s = new Spools(continueDir, new SpoolBounds(10L * perRecord, Duration.ofDays(7), 10, 4096));
    SpoolDestination dest = s.destination();
    for (int i = 0; i < 30; i++) {
      dest.append(records("a", i * 10, 10)); // each append pushes the previous 10 out
    }
    assertEquals(1, s.messages.size(), "one line for the first drop, the rest wait: " + s.messages);
    s.clock.addAndGet(SpoolMessages.REPORT_INTERVAL_MILLIS);
    dest.append(records("b", 0, 10));
    assertEquals(2, s.messages.size(), s.messages.toString());
    assertTrue(s.messages.get(1).contains("dropped 290 events"), s.messages.toString());
  }

  @Test
  void expiredRecordsOfADestinationNoLongerUsedGoAtTheFirstUseOfAnother() {
    Spools first = new Spools(continueDir, new SpoolBounds(1 << 20, Duration.ofHours(1), 100, 4096));
    SpoolDestination oldKey = first.spool.destination(Spools.HOST, "phc_oldKey");
    oldKey.append(records("old", 0, 3));
    first.spool.close();

    Spools later = new Spools(continueDir, new SpoolBounds(1 << 20, Duration.ofHours(1), 100, 4096));
    later.clock.addAndGet(Duration.ofHours(2).toMillis());
    later.destination().append(records("new", 0, 1));

    assertEquals(0, oldKey.pendingRecords());
    assertEquals(3, later.spool.messages().total(DropReason.EXPIRED));
  }
}
