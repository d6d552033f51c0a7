package io.tracked.agent.spool;

import static io.tracked.agent.spool.Spools.drain;
import static io.tracked.agent.spool.Spools.records;
import static io.tracked.agent.spool.Spools.uuids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per destination: events never replay to another host or key, and the key never reaches the disk. */
class SpoolDestinationsTest {

  @TempDir Path continueDir;

  @Test
  void eachHostAndKeyHasItsOwnSpool() {
    Spool spool = new Spools(continueDir).spool;
    SpoolDestination a = spool.destination("https://us.i.posthog.com", "phc_projectA");
    SpoolDestination b = spool.destination("https://us.i.posthog.com", "phc_projectB");
    SpoolDestination c = spool.destination("https://eu.i.posthog.com", "phc_projectA");
    a.append(records("a", 0, 2));
    b.append(records("b", 0, 2));
    c.append(records("c", 0, 2));

    assertEquals(List.of("b-0", "b-1"), drain(b, 100));
    assertEquals(List.of("c-0", "c-1"), drain(c, 100));
    assertEquals(List.of("a-0", "a-1"), drain(a, 100));
  }

  @Test
  void theSameDestinationIsFoundAgainWhateverTheSpellingOfItsHost() {
    Spool spool = new Spools(continueDir).spool;
    spool.destination("HTTPS://EU.i.PostHog.com/", "phc_k").append(records("a", 0, 1));
    SpoolDestination again = new Spools(continueDir).spool.destination("https://eu.i.posthog.com", "phc_k");
    assertEquals(List.of("a-0"), uuids(again.claim(10).records()));
    assertNotEquals(Spool.digest("http://h/path", "k"), Spool.digest("http://h/PATH", "k"), "a path keeps its case");
  }

  @Test
  void theApiKeyIsNeverWrittenAnywhere() throws Exception {
    Spools s = new Spools(continueDir);
    s.destination().append(records("a", 0, 3));
    s.destination().claim(1); // leave a claim file too

    assertTrue(Files.isDirectory(s.destination().directory()));
    assertTrue(s.destination().directory().getFileName().toString().matches("[0-9a-f]{32}"));
    try (Stream<Path> all = Files.walk(continueDir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        assertFalse(p.toString().contains(Spools.KEY), p.toString());
        if (Files.isRegularFile(p)) {
          assertFalse(Files.readString(p, StandardCharsets.ISO_8859_1).contains(Spools.KEY), "key written in " + p);
        }
      }
    }
  }
}
