package io.tracked.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.fixtures.ChildMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A child's arguments arrive intact even when the parent's locale cannot encode them (POSIX, C). */
class PortableCommandLineTest {

  private static ChildJvm child(String... instructions) throws Exception {
    Path classes = Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ChildJvm.builder().mainClass(ChildMain.class.getName(), List.of(classes)).args(instructions);
  }

  /** Drives the real launcher through the @argfile; .ci/run also runs this module under LC_ALL=C. */
  @Test
  void nonAsciiArgumentsSurviveAnAsciiPlatformEncoding() throws Exception {
    String tricky = "hello wörld \"quoted\" back\\slash\ttab 日本 #not-a-comment";
    ChildJvm.Result result = child("out=" + tricky, "prop=tracked.test.value")
        .systemProperty("tracked.test.value", "größe")
        .platformEncoding(StandardCharsets.US_ASCII)
        .run(Duration.ofSeconds(30))
        .expectExit(0);

    String nl = System.lineSeparator();
    assertEquals(tricky + nl + "tracked.test.value=größe" + nl, result.stdout(), result::toString);
  }

  @Test
  void encodableCommandLinesAreLeftExactlyAsAsked() throws Exception {
    List<String> command = List.of("java", "-Dx=wörld", "Main", "ärg");
    Map<String, String> env = new HashMap<>();

    assertSame(command, PortableCommandLine.prepare(command, StandardCharsets.UTF_8, env));
    assertTrue(env.isEmpty(), env::toString);
  }

  @Test
  void unencodableCommandLinesGoThroughAnArgFileAndAUtf8Locale() throws Exception {
    Map<String, String> env = new HashMap<>();

    List<String> launched = PortableCommandLine.prepare(
        List.of("java", "Main", "wörld"), StandardCharsets.US_ASCII, env);

    assertEquals("java", launched.get(0));
    assertTrue(launched.get(1).startsWith("@"), launched::toString);
    assertEquals(2, launched.size());
    assertEquals(PortableCommandLine.UTF8_LOCALE, env.get("LC_ALL"));
  }

  @Test
  void aLocaleTheTestChoseIsKept() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("LC_ALL", "de_DE.UTF-8"));

    PortableCommandLine.prepare(List.of("java", "Main", "wörld"), StandardCharsets.US_ASCII, env);

    assertEquals("de_DE.UTF-8", env.get("LC_ALL"));
  }
}
