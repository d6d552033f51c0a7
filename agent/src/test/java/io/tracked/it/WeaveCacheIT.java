package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.testing.Commands;
import io.tracked.testkit.ChildJvm;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The weave cache, driven as a user would: the same host started twice with the same home. The
 * second start sends exactly the events of the first (annotations, {@code methods=} with renames and
 * {@code this.} field paths, inheritance from interfaces and abstract classes, a super call counted
 * once) and loads no Byte Buddy class at all. A damaged entry, a changed class or supertype, or a
 * cache directory the user does not alone own is never used: the class is woven afresh, events stay
 * right, and the host sees no line about it.
 */
class WeaveCacheIT {

  private static final String FIXTURE_METHODS = "methods=io.tracked.fixture.FixtureApp[configured=configured_call,unannotated]";

  @TempDir Path temp;

  static Stream<Arguments> hostsOnEachJava() {
    return ChildJvm.javasUnderTest().stream().flatMap(java -> Stream.of(
        Arguments.of(java, "fixture"), Arguments.of(java, "inheritance"), Arguments.of(java, "third-party")));
  }

  private CacheRuns host(Path java, String name, Path home) throws IOException {
    switch (name) {
      case "fixture":
        return new CacheRuns(java, home, FIXTURE_METHODS, "io.tracked.fixture.FixtureApp",
            AgentHarness.fixtureClasspath(), 7, "basic");
      case "inheritance":
        return new CacheRuns(java, home, "", "io.tracked.fixture.InheritanceApp", AgentHarness.fixtureClasspath(), 11);
      case "third-party":
        Path jar = ThirdPartyJar.build(Files.createDirectories(temp.resolve("lib")));
        return new CacheRuns(java, home, "methods=" + ThirdPartyMethodsIT.FIRING, ThirdPartyJar.PACKAGE + "Demo",
            List.of(jar), 13);
      default:
        throw new IllegalArgumentException(name);
    }
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("hostsOnEachJava")
  void theSecondStartSendsTheSameEventsAndLoadsNoByteBuddy(Path java, String name) throws IOException {
    CacheRuns host = host(java, name, temp.resolve("home"));

    CacheRuns.Run cold = host.run();
    assertTrue(cold.byteBuddyClasses() > 100, "the first start weaves with Byte Buddy: " + cold.byteBuddyClasses());
    assertFalse(cold.events().isEmpty(), cold.result().stderr());
    assertFalse(host.entries().isEmpty(), "nothing was kept for the next start");
    assertEquals(List.of(), cold.agentProblems());

    CacheRuns.Run warm = host.run();
    assertEquals(cold.events(), warm.events(), "a start from the cache must send what a woven start sends");
    assertEquals(0, warm.byteBuddyClasses(), "the second start loaded Byte Buddy");
    assertEquals(List.of(), warm.agentProblems());
  }

  @Test
  void entriesFollowTheirClassAndItsSupertypesAndTheHostsSwitch() throws IOException {
    CachedHost compiled = CachedHost.build(temp);
    Path java = ChildJvm.javasUnderTest().get(0);
    CacheRuns host = new CacheRuns(java, temp.resolve("home"), "", "cachehost.Main", compiled.version(1), 2);

    CacheRuns.Run first = host.run();
    assertEquals(List.of("changing_v1 {\"step\":\"one\"}", "interface_v1 {\"what\":\"act\"}"), own(first));
    // Base is kept too: it mentions the API, and is left unchanged (abstract), which is worth knowing next time.
    assertEquals(4, host.entries().size(), "Base, Impl, Changing and Settings are kept: " + host.entries());

    // Changing's own bytes changed, and Base's annotation, while Impl's bytes stayed the same.
    CacheRuns.Run second = host.run(compiled.version(2));
    assertEquals(List.of("changing_v2 {\"step\":\"one\"}", "interface_v2 {\"what\":\"act\"}"), own(second),
        "a stale entry was used");
    assertTrue(second.byteBuddyClasses() > 100, "changed classes must be woven afresh");

    CacheRuns.Run third = host.run(compiled.version(2));
    assertEquals(own(second), own(third), "the host's switch reports true from cached bytes too");
    assertEquals(0, third.byteBuddyClasses(), "the new versions were kept too");
    assertEquals(List.of(), third.agentProblems());

    // The switch woven from the cache hands the host's setting over under its own name (the id it
    // carries finds it): consent turns off. (Whether a call made just before that is still sent is
    // the consent gate's timing, not the cache's, so the events of this start are not compared.)
    CacheRuns debugging = new CacheRuns(java, temp.resolve("home"), "debug=true", "cachehost.Main",
        compiled.version(2), 0);
    CacheRuns.Run off = debugging.run(compiled.version(2), 0,
        "host telemetry setting=false (cachehost.Settings#telemetryEnabled)", "false");
    assertEquals(0, off.byteBuddyClasses(), "debug=true is not part of the cache's context");
    assertTrue(off.result().stderr().contains("woven cachehost.Settings#telemetryEnabled as the host's telemetry"
        + " switch"), "the weave's debug lines are replayed:\n" + off.result().stderr());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"flipped byte", "cut in half", "empty", "named pipe", "writable by group"})
  void aDamagedOrUntrustedEntryIsWovenAfreshAndReplaced(String damage) throws Exception {
    CacheRuns host = host(ChildJvm.javasUnderTest().get(0), "fixture", temp.resolve("home"));
    CacheRuns.Run cold = host.run();
    Path entry = host.entries().get(0);
    byte[] bytes = Files.readAllBytes(entry);
    switch (damage) {
      case "flipped byte":
        bytes[bytes.length * 2 / 3] ^= 0x10;
        Files.write(entry, bytes);
        break;
      case "cut in half":
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        break;
      case "empty":
        Files.write(entry, new byte[0]);
        break;
      case "named pipe":
        Files.delete(entry);
        Assumptions.assumeTrue(Commands.run("mkfifo", entry.toString()), "mkfifo is needed");
        break;
      case "writable by group":
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw----"));
        break;
      default:
        throw new IllegalArgumentException(damage);
    }

    CacheRuns.Run damaged = host.run();
    assertEquals(cold.events(), damaged.events());
    assertTrue(damaged.byteBuddyClasses() > 100, "a " + damage + " entry was used");
    assertEquals(List.of(), damaged.agentProblems(), "the host must not hear of the cache");

    CacheRuns.Run repaired = host.run();
    assertEquals(cold.events(), repaired.events());
    assertEquals(0, repaired.byteBuddyClasses(), "the entry was not written again after the " + damage);
    assertTrue(Files.isRegularFile(entry));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"writable by others", "owned by another user", "a file where the cache belongs"})
  void aCacheDirectoryTheUserDoesNotAloneOwnIsNeverUsed(String problem) throws Exception {
    CacheRuns host = host(ChildJvm.javasUnderTest().get(0), "fixture", temp.resolve("home"));
    CacheRuns.Run cold = host.run();
    Path context = host.contexts().get(0);
    switch (problem) {
      case "writable by others":
        Files.setPosixFilePermissions(context, PosixFilePermissions.fromString("rwx---rwx"));
        break;
      case "owned by another user":
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
        Files.setOwner(context, FileSystems.getDefault().getUserPrincipalLookupService()
            .lookupPrincipalByName("nobody"));
        break;
      case "a file where the cache belongs":
        Path root = context.getParent();
        try (Stream<Path> files = Files.walk(root)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.write(root, new byte[] {1, 2, 3});
        break;
      default:
        throw new IllegalArgumentException(problem);
    }
    for (int i = 0; i < 2; i++) {
      CacheRuns.Run refused = host.run();
      assertEquals(cold.events(), refused.events());
      assertTrue(refused.byteBuddyClasses() > 100, "a cache " + problem + " was used");
      assertEquals(List.of(), refused.agentProblems(), "the host must not hear of the cache");
    }
  }

  /** Each event's name and own properties (without the common ones), sorted. */
  private static List<String> own(CacheRuns.Run run) {
    return run.events().stream().map(e -> e.replaceAll(",\"os\".*$", "}")).sorted().toList();
  }
}
