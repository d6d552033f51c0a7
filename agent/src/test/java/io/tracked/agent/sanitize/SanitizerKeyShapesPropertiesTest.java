package io.tracked.agent.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The rules of issues 12 and 13 on generated values none of the corpus holds (fixed seed, plain JUnit):
 * keys of each family under neutral names are never sent, hosts on any top-level domain are never sent,
 * and generated model paths, wildcards, shortcuts and runtime strings are sent unchanged.
 */
class SanitizerKeyShapesPropertiesTest {

  private static final Sanitizer SANITIZER = new Sanitizer();
  private static final long SEED = Long.getLong("tracked.properties.seed", 20261201L);
  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String[] NEUTRAL = {"value", "id", "x", "setting", "arg", "kind", "label"};

  private static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> property) {
    Random random = new Random(SEED);
    for (int i = 0; i < tries; i++) {
      T input = generator.apply(random);
      try {
        property.accept(input);
      } catch (AssertionError failure) {
        throw new AssertionError("try " + i + " (seed " + SEED + "): " + input + ": " + failure.getMessage(), failure);
      }
    }
  }

  private static String random(Random r, int length, String alphabet) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  private static void dropped(String value) {
    Verdict verdict = SANITIZER.sanitize(pick(new Random(value.hashCode()), NEUTRAL), value);
    assertFalse(verdict.sendable(), () -> "sent: " + verdict);
  }

  private static void keptUnchanged(String name, String value) {
    Verdict verdict = SANITIZER.sanitize(name, value);
    assertEquals(Verdict.Action.KEEP, verdict.action(), verdict::toString);
    assertEquals(value, verdict.value());
  }

  @Test
  void uuidKeysWithPrefixesOrJoinedAreDropped() {
    forAll(500, r -> {
      String uuid = new UUID(r.nextLong(), r.nextLong()).toString();
      return switch (r.nextInt(4)) {
        case 0 -> uuid;
        case 1 -> random(r, 2 + r.nextInt(4), "abcdefghijklmnopqrstuvwxyz") + pick(r, "-", "_", "-c-") + uuid;
        case 2 -> uuid + ":" + new UUID(r.nextLong(), r.nextLong());
        default -> uuid.toUpperCase() + random(r, 1 + r.nextInt(6), ALNUM);
      };
    }, SanitizerKeyShapesPropertiesTest::dropped);
  }

  @Test
  void licenseKeyBlocksAreDropped() {
    forAll(500, r -> {
      int groups = 3 + r.nextInt(4);
      int size = 4 + r.nextInt(5);
      StringBuilder key = new StringBuilder();
      for (int g = 0; g < groups; g++) {
        key.append(g == 0 ? "" : "-").append(random(r, size - 1, UPPER_DIGITS)).append(r.nextInt(10));
      }
      return r.nextBoolean() ? key.toString() : key.toString().toLowerCase();
    }, SanitizerKeyShapesPropertiesTest::dropped);
  }

  @Test
  void vendorEnvironmentPrefixesWithAnyBodyAreDropped() {
    forAll(500, r -> random(r, 2 + r.nextInt(5), "abcdefghijklmnopqrstuvwxyz") + "_" + pick(r, "live", "test", "prod")
        + "_"
        + pick(r, "x".repeat(8 + r.nextInt(30)), "X".repeat(8 + r.nextInt(30)), random(r, 8 + r.nextInt(40), ALNUM)
            + r.nextInt(10)),
        SanitizerKeyShapesPropertiesTest::dropped);
  }

  @Test
  void idSecretPairsAreDropped() {
    forAll(500, r -> random(r, 3 + r.nextInt(10), "abcdefghijklmnopqrstuvwxyz0123456789_") + ":"
        + random(r, 4 + r.nextInt(12), ALNUM) + r.nextInt(10) + pick(r, "a", "B", "x"),
        SanitizerKeyShapesPropertiesTest::dropped);
  }

  @Test
  void shortRandomMixedTokensAreDropped() {
    forAll(500, r -> {
      String token;
      do {
        token = random(r, 8 + r.nextInt(8), ALNUM);
      } while (!(token.chars().filter(Character::isDigit).count() >= 3 && token.chars().anyMatch(Character::isUpperCase)
          && token.chars().anyMatch(Character::isLowerCase) && switches(token) >= 3));
      return token;
    }, SanitizerKeyShapesPropertiesTest::dropped);
  }

  private static int switches(String s) {
    int count = 0;
    for (int i = 1; i < s.length(); i++) {
      count += Character.isDigit(s.charAt(i)) != Character.isDigit(s.charAt(i - 1)) ? 1 : 0;
    }
    return count;
  }

  @Test
  void hostsOnAnyTopLevelDomainAreDropped() {
    String[] generic = TopLevelDomains.GENERIC_SET.toArray(new String[0]);
    java.util.Arrays.sort(generic);
    forAll(1000, r -> {
      String tld = switch (r.nextInt(3)) {
        case 0 -> generic[r.nextInt(generic.length)];
        case 1 -> random(r, 2, "abcdefghijklmnopqrstuvwxyz");
        default -> pick(r, "test", "example", "invalid", "internal", "corp", "lan", "home.arpa", "alt", "local");
      };
      return pick(r, "ci", "git", "db01", "build", "jira", "wiki", "vault", "nas") + "."
          + random(r, 3 + r.nextInt(8), "abcdefghijklmnopqrstuvwxyz") + "." + tld;
    }, value -> {
      if (!FilePaths.EXTENSIONS.contains(value.substring(value.lastIndexOf('.') + 1))) {
        dropped(value);
      }
    });
  }

  @Test
  void modelPathsAndWildcardsOfVocabularyAreKept() {
    forAll(500, r -> {
      String vendor = pick(r, "meta", "google", "mistralai", "openai", "anthropic", "qwen", "nvidia", "microsoft");
      String family = pick(r, "llama", "gemma", "mistral", "gpt", "claude", "qwen2.5", "phi", "granite", "gemini");
      String version = pick(r, "3.1", "2", "v0.3", "1.5", "4o", "3-5", "2024-08-06");
      String size = pick(r, "8b", "70b", "405b", "7b", "mini", "128k", "8x7b");
      String task = pick(r, "instruct", "chat", "base", "vision", "coder", "latest", "preview");
      return switch (r.nextInt(3)) {
        case 0 -> vendor + "/" + family + "/" + version + "/" + size + "/" + task;
        case 1 -> family + "-" + version + "-*";
        default -> vendor + "/" + family + "-*";
      };
    }, model -> keptUnchanged("model", model));
  }

  @Test
  void shortcutsWithAnyPunctuationKeyAreKept() {
    forAll(500, r -> {
      String chord = pick(r, "Ctrl+", "Cmd+", "Alt+", "Shift+", "Ctrl+Shift+", "Cmd+Option+", "Meta+", "ctrl+alt+")
          + (char) pick(r, "`,./;'[]\\-=~!@#$%^&*()_+{}|:\"<>?ABCXYZ0123456789").charAt(0);
      return r.nextInt(4) == 0 ? chord + " " + pick(r, "Ctrl+K", "Cmd+S", "Esc") : chord;
    }, shortcut -> keptUnchanged("shortcut", shortcut));
  }

  @Test
  void runtimesAndShellsWithTheirVersionsAreKept() {
    forAll(300, r -> pick(r, "node", "Node.js", "python", "Python", "bash", "zsh", "fish", "pwsh", "PowerShell", "Deno",
        "Bun", "go", "Go", "rustc", "Ruby", "Kotlin", "OpenJDK") + " " + pick(r, "v", "") + r.nextInt(30) + "."
        + r.nextInt(20) + (r.nextBoolean() ? "." + r.nextInt(300) : ""), value -> keptUnchanged("runtime", value));
  }
}
