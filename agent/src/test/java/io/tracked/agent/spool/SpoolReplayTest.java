package io.tracked.agent.spool;

import static io.tracked.agent.spool.Spools.drain;
import static io.tracked.agent.spool.Spools.records;
import static io.tracked.agent.spool.Spools.uuids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay: claimed oldest first, up to N; ack deletes, release puts back in place; never twice at once. */
class SpoolReplayTest {

  @TempDir Path continueDir;

  @Test
  void recordsComeBackOldestFirstWithTheirUuidAndJsonUnchanged() {
    Spools s = new Spools(continueDir);
    SpoolDestination dest = s.destination();
    assertEquals(3, dest.append(records("a", 0, 3)));
    assertEquals(2, dest.append(records("b", 0, 2)));

    SpoolClaim claim = dest.claim(100);
    assertEquals(records("a", 0, 3).get(1), claim.records().get(1), "uuid and json exactly as appended");
    assertEquals(List.of("a-0", "a-1", "a-2", "b-0", "b-1"), uuids(claim.records()));
    claim.ack();
    assertTrue(dest.claim(100).isEmpty(), "acked records are gone");
    assertEquals(0, dest.pendingRecords());
  }

  @Test
  void aClaimTakesAtMostNRecordsEvenInsideOneSegment() {
    SpoolDestination dest = new Spools(continueDir).destination();
    dest.append(records("a", 0, 10));

    SpoolClaim first = dest.claim(4);
    assertEquals(List.of("a-0", "a-1", "a-2", "a-3"), uuids(first.records()));
    assertTrue(dest.claim(4).isEmpty(), "the rest of a claimed segment waits for the claim to end");
    first.ack();
    assertEquals(List.of("a-4", "a-5", "a-6", "a-7"), uuids(dest.claim(4).records()), "and then continues after it");
  }

  @Test
  void releasedRecordsComeBackInTheirPlace() {
    SpoolDestination dest = new Spools(continueDir).destination();
    dest.append(records("a", 0, 3));
    dest.append(records("b", 0, 3));

    SpoolClaim claim = dest.claim(4);
    claim.release();
    claim.ack(); // ignored: a claim ends once

    assertEquals(List.of("a-0", "a-1", "a-2", "b-0", "b-1", "b-2"), drain(dest, 100));
  }

  @Test
  void twoClaimsNeverShareARecord() {
    Spools s = new Spools(continueDir);
    SpoolDestination dest = s.destination();
    for (int i = 0; i < 20; i++) {
      dest.append(records("r" + i, 0, 5));
    }
    // A second spool in the same JVM behaves as another process would.
    SpoolDestination other = new Spools(continueDir).destination();

    List<String> seen = new ArrayList<>();
    List<SpoolClaim> claims = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      SpoolClaim claim = (i % 2 == 0 ? dest : other).claim(7);
      seen.addAll(uuids(claim.records()));
      claims.add(claim);
    }
    assertEquals(seen.size(), seen.stream().distinct().count(), "no record in two open claims: " + seen);
    assertTrue(seen.size() >= 70, "each claim took whole or partial free segments: " + seen.size());
    claims.forEach(SpoolClaim::ack);
    seen.addAll(drain(other, 7));
    assertEquals(100, seen.size(), "every record claimed once");
    assertEquals(100, seen.stream().distinct().count(), "none twice");
    assertEquals(0, dest.pendingRecords());
  }

  @Test
  void largeAppendsAreSplitIntoBoundedSegmentsAndKeepTheirOrder() throws Exception {
    Spools s = new Spools(continueDir, new SpoolBounds(10L << 20, java.time.Duration.ofDays(7), 10, 4096));
    SpoolDestination dest = s.destination();
    assertEquals(95, dest.append(records("a", 0, 95)));

    try (var files = java.nio.file.Files.list(dest.directory())) {
      assertEquals(10, files.count(), "95 records in segments of at most 10");
    }
    List<String> expected = uuids(records("a", 0, 95));
    assertEquals(expected, drain(dest, 13));
  }

  @Test
  void closeReleasesClaimsNotYetEnded() {
    Spools s = new Spools(continueDir);
    s.destination().append(records("a", 0, 5));
    s.destination().claim(3);
    s.spool.close();

    assertTrue(s.destination().claim(10).isEmpty(), "a closed spool claims nothing");
    assertEquals(uuids(records("a", 0, 5)), drain(new Spools(continueDir).destination(), 10));
  }
}
