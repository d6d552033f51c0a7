package io.tracked.agent.spool;

import static io.tracked.agent.spool.Spools.drain;
import static io.tracked.agent.spool.Spools.records;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Consent off: clearAll deletes every destination's records, claimed ones included, and nothing comes back. */
class SpoolClearTest {

  @TempDir Path continueDir;

  @Test
  void clearAllDeletesEveryDestinationAndEveryClaim() throws Exception {
    Spools s = new Spools(continueDir);
    SpoolDestination a = s.spool.destination("https://us.i.posthog.com", "phc_a");
    SpoolDestination b = s.spool.destination("https://eu.i.posthog.com", "phc_b");
    a.append(records("a", 0, 5));
    b.append(records("b", 0, 5));
    SpoolClaim inFlight = a.claim(2);
    SpoolClaim otherProcess = new Spools(continueDir).spool.destination("https://eu.i.posthog.com", "phc_b").claim(1);

    assertEquals(10, s.spool.clearAll());

    assertDoesNotThrow(inFlight::release);
    assertDoesNotThrow(otherProcess::release);
    assertEquals(0, a.pendingRecords());
    assertEquals(0, b.pendingRecords());
    assertTrue(drain(a, 100).isEmpty());
    assertFalse(Files.exists(a.directory()), "the destination's directory goes too");
    assertTrue(s.messages.isEmpty(), s.messages.toString());
  }

  @Test
  void theSpoolWorksAgainAfterAClear() {
    Spools s = new Spools(continueDir);
    s.destination().append(records("a", 0, 2));
    s.spool.clearAll();
    assertEquals(1, s.destination().append(records("b", 0, 1)));
    assertEquals(List.of("b-0"), drain(s.destination(), 10));
  }

  @Test
  void clearingASpoolThatWasNeverWrittenDoesNothing() {
    assertEquals(0, new Spools(continueDir).spool.clearAll());
    assertFalse(Files.exists(continueDir.resolve("telemetry")), "nothing created just to clear it");
  }
}
