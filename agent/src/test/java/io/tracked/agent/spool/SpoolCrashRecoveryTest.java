package io.tracked.agent.spool;

import static io.tracked.agent.spool.Spools.drain;
import static io.tracked.agent.spool.Spools.record;
import static io.tracked.agent.spool.Spools.records;
import static io.tracked.agent.spool.Spools.uuids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a process that died leaves behind: a half-written segment is taken back up to its last whole
 * record, the cut record is counted and never glued to another; a claim is put back whole. A live
 * process's segments are never taken.
 */
class SpoolCrashRecoveryTest {

  private static final String DEAD = "00000000deadbeef";

  @TempDir Path continueDir;

  private static byte[] lines(SpoolRecord... records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (SpoolRecord r : records) {
      out.writeBytes(SegmentCodec.encode(r));
    }
    return out.toByteArray();
  }

  private static Path openSegment(SpoolDestination dest, long stamp, String owner, byte[] content) throws Exception {
    Files.createDirectories(dest.directory());
    return Files.write(dest.directory().resolve(SegmentName.open(stamp, "00000000000000a1", owner).fileName()),
        content);
  }

  @Test
  void aCutLastRecordIsSkippedCountedAndNeverMergedWithTheNext() throws Exception {
    Spools s = new Spools(continueDir);
    SpoolDestination dest = s.destination();
    byte[] whole = lines(record("a-0"), record("a-1"));
    byte[] cut = SegmentCodec.encode(record("a-2"));
    byte[] content = new byte[whole.length + cut.length / 2];
    System.arraycopy(whole, 0, content, 0, whole.length);
    System.arraycopy(cut, 0, content, whole.length, cut.length / 2);
    openSegment(dest, s.clock.get() - 1000, DEAD, content);

    dest.append(records("b", 0, 2)); // the next write after the crash
    assertEquals(List.of("a-0", "a-1", "b-0", "b-1"), drain(dest, 100));
    assertEquals(1, s.spool.messages().total(DropReason.DAMAGED));
  }

  @Test
  void aCorruptedLineInTheMiddleIsSkippedAndTheRecordsAroundItKept() throws Exception {
    Spools s = new Spools(continueDir);
    SpoolDestination dest = s.destination();
    byte[] content = lines(record("a-0"), record("a-1"), record("a-2"));
    int secondLine = SegmentCodec.encode(record("a-0")).length;
    content[secondLine + 20] ^= 0x01; // one flipped bit: the checksum no longer matches
    openSegment(dest, s.clock.get() - 1000, DEAD, content);

    assertEquals(List.of("a-0", "a-2"), drain(dest, 100));
    assertEquals(1, s.spool.messages().total(DropReason.DAMAGED));
  }

  @Test
  void aClaimOfAProcessThatDiedIsPutBackWhole() throws Exception {
    Spools first = new Spools(continueDir);
    first.destination().append(records("a", 0, 5));
    SpoolClaim claim = first.destination().claim(3);
    assertEquals(3, claim.records().size());
    // Simulate the death of its process: the owner's lock goes away, the claim file stays.
    first.spool.owner().release();

    Spools next = new Spools(continueDir);
    assertEquals(uuids(records("a", 0, 5)), drain(next.destination(), 100));
    assertEquals(0, next.spool.messages().total(DropReason.DAMAGED));
  }

  @Test
  void aStaleLockFileThatNobodyHoldsMeansItsOwnerIsGone() throws Exception {
    Spools s = new Spools(continueDir);
    SpoolDestination dest = s.destination();
    Path owners = s.spool.directory().resolve("owners");
    Files.createDirectories(owners);
    Path staleLock = Files.write(owners.resolve(DEAD + ".lock"), new byte[0]);
    openSegment(dest, s.clock.get() - 1000, DEAD, lines(record("a-0")));

    assertEquals(List.of("a-0"), drain(dest, 100));
    assertFalse(Files.exists(staleLock), "the dead owner's lock file is removed once its segments are back");
  }

  @Test
  void aLiveProcessesClaimsAndWritesAreNeverTaken() throws Exception {
    Spools alive = new Spools(continueDir);
    alive.destination().append(records("a", 0, 2));
    alive.destination().append(records("a", 2, 2));
    SpoolClaim held = alive.destination().claim(2);
    openSegment(alive.destination(), alive.clock.get() - 999, alive.spool.owner().id, lines(record("w-0")));

    Spools other = new Spools(continueDir);
    assertEquals(List.of("a-2", "a-3"), drain(other.destination(), 100), "only what nobody holds");
    held.release();
    assertEquals(List.of("a-0", "a-1"), drain(other.destination(), 100));
    assertTrue(Files.exists(alive.destination().directory()
        .resolve(SegmentName.open(alive.clock.get() - 999, "00000000000000a1", alive.spool.owner().id).fileName())),
        "a segment its live owner is writing stays");
  }

  @Test
  void aHalfWrittenSegmentWithNoWholeRecordIsRemoved() throws Exception {
    Spools s = new Spools(continueDir);
    SpoolDestination dest = s.destination();
    Path open = openSegment(dest, s.clock.get() - 1000, DEAD, "0badc0de a-0 {\"ev".getBytes(StandardCharsets.UTF_8));
    assertTrue(dest.claim(10).isEmpty());
    assertFalse(Files.exists(open));
    assertEquals(1, s.spool.messages().total(DropReason.DAMAGED));
  }

  @Test
  void lockFilesOfProcessesThatDiedWithNothingSpooledAreRemoved() throws Exception {
    Spools s = new Spools(continueDir);
    Path owners = s.spool.directory().resolve("owners");
    Files.createDirectories(owners);
    Path stale = Files.write(owners.resolve(DEAD + ".lock"), new byte[0]);
    Spools alive = new Spools(continueDir);
    alive.destination().append(records("a", 0, 1));

    s.destination().append(records("b", 0, 1));

    assertFalse(Files.exists(stale), "nobody held it");
    assertTrue(Files.exists(owners.resolve(alive.spool.owner().id + ".lock")), "a live owner's lock stays");
    try (var files = Files.list(owners)) {
      assertEquals(2, files.count(), "the two live owners' locks, nothing else");
    }
  }
}
