package io.tracked.agent.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Robustness and cost, for any input: nothing escapes the sanitizer, no host code runs, every verdict
 * explains itself, kept strings are sent byte for byte, and time grows linearly with the input (no
 * backtracking: adversarial inputs built from the detectors' own trigger characters included).
 *
 * <p>Property-based, with seeded generators on plain JUnit: each property runs over many generated
 * inputs, and a failure names the seed and the input so it can be replayed. (The issue asked for
 * jqwik; its maintainers ask AI coding agents not to use it, so these properties do without.)
 */
class SanitizerPropertiesTest {

  private static final Sanitizer SANITIZER = new Sanitizer();
  private static final AtomicInteger HOST_CALLS = new AtomicInteger();
  /** Host objects count (and fail) calls only while the sanitizer runs, not while tests print them. */
  private static volatile boolean armed;
  private static final long SEED = Long.getLong("tracked.properties.seed", 20261128L);

  /** Fragments that make the detectors work hardest when repeated and mixed. */
  private static final List<String> FRAGMENTS = List.of(
      "a", "Z", "9", "0", "@", ".", "..", "/", "//", "\\", ":", "::", "-", "_", "+", "=", "%", "~", "$", "#", " ", "\n",
      "\t",
      "sk-", "ghp_", "eyJ", "AKIA", "-----BEGIN", "PRIVATE KEY", "http://", "www.", "file:", "Bearer ", "password=",
      "1.1.1.1", "ff:", "00:1A", "+1", "(", ")", "4111", "DE89", "QQ", "alice", ".com", "@example", "T3BlbkFJ", "é",
      "日",
      "\u0000", "\uD83D\uDE00", "at ", "(Foo.java:1)", "Q~", "xox", "1//0", "0x", "{", "}", ";", "'", "\"");

  /** Runs {@code property} on {@code tries} inputs drawn from {@code generator}; a failure names seed and input. */
  private static <T> void forAll(int tries, Function<Random, T> generator, Consumer<T> property) {
    Random random = new Random(SEED);
    for (int i = 0; i < tries; i++) {
      T input = generator.apply(random);
      try {
        property.accept(input);
      } catch (AssertionError | RuntimeException failure) {
        throw new AssertionError("property failed on try " + i + " (seed " + SEED + ") for input: "
            + printable(input) + "\n" + failure.getMessage(), failure);
      }
    }
  }

  private static String printable(Object input) {
    String text = input instanceof Object[] ? java.util.Arrays.deepToString((Object[]) input) : String.valueOf(input);
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  @Test
  void anyStringGetsAnExplainedVerdictAndKeptMeansUnchanged() {
    forAll(2000, r -> new String[] {anyString(r, 300), name(r)}, in -> check(in[1], in[0]));
  }

  @Test
  void anyMixOfTriggerFragmentsIsHandled() {
    forAll(1000, r -> new String[] {fragments(r, 0, 40), name(r)}, in -> check(in[1], in[0]));
  }

  @Test
  void longStringsUpToTheScanLimitAreHandled() {
    forAll(300, r -> {
      String joined = fragments(r, 50, 400);
      return joined.length() > 4096 ? joined.substring(0, 4096) : joined;
    }, value -> check("value", value));
  }

  private static Verdict check(String name, Object value) {
    Verdict verdict = SANITIZER.sanitize(name, value);
    assertNotNull(verdict);
    assertNotNull(verdict.reason());
    assertFalse(verdict.reason().isBlank());
    if (value instanceof String text && text.length() >= 8) {
      assertFalse(verdict.reason().contains(text), "the reason echoes the value");
    }
    switch (verdict.action()) {
      case KEEP:
        if (value instanceof String) {
          assertEquals(value, verdict.value(), "a kept string is sent byte for byte");
          assertTrue(((String) value).length() <= Sanitizer.MAX_STRING_LENGTH);
        }
        break;
      case DROP:
        assertNull(verdict.value());
        break;
      default:
        assertNotNull(verdict.value());
    }
    return verdict;
  }

  @Test
  void aKeptStringIsKeptAgain() {
    forAll(1000, r -> fragments(r, 0, 40), value -> {
      Verdict first = SANITIZER.sanitize("value", value);
      if (first.action() == Verdict.Action.KEEP) {
        assertEquals(first, SANITIZER.sanitize("value", first.value()));
      }
    });
  }

  @Test
  void anyObjectGraphIsHandledWithoutRunningHostCode() {
    forAll(500, r -> new Object[] {maybeCycle(graph(r, 5)), name(r)}, in -> {
      int before = HOST_CALLS.get();
      Verdict verdict;
      armed = true;
      try {
        verdict = check((String) in[1], in[0]);
      } finally {
        armed = false;
      }
      assertEquals(before, HOST_CALLS.get(), "host code ran");
      if (verdict.sendable()) {
        assertSerializable(verdict.value(), 0);
      }
    });
  }

  /** What reaches an event is only String, Number, Boolean, null, List and Map with String keys. */
  private static void assertSerializable(Object value, int depth) {
    assertTrue(depth < 20);
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return;
    }
    if (value instanceof List<?> list) {
      list.forEach(element -> assertSerializable(element, depth + 1));
      return;
    }
    assertTrue(value instanceof Map<?, ?>, "unexpected " + value.getClass());
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      assertTrue(entry.getKey() instanceof String);
      assertSerializable(entry.getValue(), depth + 1);
    }
  }

  // --- generated personal data is always dropped, generated analytics values always kept

  @Test
  void randomUuidsAreKeptWhenDeclaredGeneratedAndDroppedOtherwise() {
    forAll(500, r -> {
      String uuid = new UUID(r.nextLong(), r.nextLong()).toString();
      return r.nextBoolean() ? uuid : uuid.toUpperCase();
    }, uuid -> {
      assertEquals(Verdict.Action.KEEP, SANITIZER.sanitize("sessionId", uuid, true).action());
      assertEquals(Verdict.Action.DROP, SANITIZER.sanitize("sessionId", uuid).action());
    });
  }

  @Test
  void validCardNumbersAreDropped() {
    forAll(500, SanitizerPropertiesTest::card,
        card -> assertEquals("card-number", SANITIZER.sanitize("value", card).reason()));
  }

  @Test
  void validIbansAreDropped() {
    forAll(500, SanitizerPropertiesTest::iban,
        iban -> assertEquals("iban", SANITIZER.sanitize("value", iban).reason()));
  }

  @Test
  void emailsAreDroppedAloneOrInsideText() {
    forAll(500, r -> String.format(pick(r, WRAPPERS), email(r)),
        text -> assertEquals("email", SANITIZER.sanitize("value", text).reason()));
  }

  @Test
  void pathsAreDropped() {
    forAll(500, SanitizerPropertiesTest::path,
        path -> assertEquals("path", SANITIZER.sanitize("value", path).reason()));
  }

  @Test
  void vendorTokensAreDropped() {
    forAll(500, r -> new String[] {vendorToken(r), pick(r, WRAPPERS)}, in -> {
      assertFalse(SANITIZER.sanitize("value", String.format(in[1], in[0])).sendable());
      assertEquals("secret", SANITIZER.sanitize("value", in[0]).reason());
    });
  }

  @Test
  void modelIdsAsVendorsSpellThemAreKept() {
    forAll(500, SanitizerPropertiesTest::modelId, model -> {
      Verdict verdict = SANITIZER.sanitize("model", model);
      assertEquals(Verdict.Action.KEEP, verdict.action(), model + " " + verdict);
    });
  }

  @Test
  void aMapWithAnyKeysNeverLeaksAPersonalKey() {
    forAll(200, r -> new Object[] {email(r), r.nextInt(6)}, in -> {
      Map<Object, Object> map = new HashMap<>();
      map.put(in[0], in[1]);
      map.put("model", "gpt-4o");
      Verdict verdict = SANITIZER.sanitize("settings", map);
      assertEquals(Map.of("model", "gpt-4o"), verdict.value());
      assertFalse(String.valueOf(verdict.value()).contains("@"));
    });
  }

  @Test
  void randomTokensOfUnknownFormatAreDroppedAlmostAlways() {
    // A heuristic, so a rate: 2,000 random base62 tokens of 24 to 64 characters (fixed seed).
    Random random = new Random(20240601L);
    int dropped = 0;
    for (int i = 0; i < 2000; i++) {
      dropped += SANITIZER.sanitize("value", chars(random, ALNUM, 24 + random.nextInt(41))).sendable() ? 0 : 1;
    }
    assertTrue(dropped >= 1980, dropped + " of 2000 dropped");
  }

  @Test
  void theSecretTableCoversAtLeast25Formats() {
    assertTrue(SecretFormats.formatCount() >= 25, "formats: " + SecretFormats.formatCount());
  }

  // --- time: linear in the input, whatever it is. Timings are only ever compared with a baseline
  // measured in the same run, never with a wall-clock limit: these machines are shared and noisy.

  @Test
  void anyAdversarialStringCostsAboutWhatAPlainStringOfTheSameLengthCosts() {
    forAll(60, r -> {
      String unit = fragments(r, 1, 4);
      if (unit.isEmpty()) {
        unit = "a";
      }
      int length = 100 + r.nextInt(3997);
      return unit.repeat(length / unit.length() + 1).substring(0, length);
    }, value -> {
      double adversarial = bestNanos(value);
      double plain = bestNanos("ab cd".repeat(value.length() / 5 + 1).substring(0, value.length()));
      // Backtracking would cost orders of magnitude more than plain text; a constant factor is fine.
      assertTrue(adversarial < plain * 50 + 2_000_000,
          value.length() + " chars: " + adversarial + " ns, plain text of that length " + plain + " ns");
    });
  }

  @Test
  void timeGrowsLinearlyWithTheLengthOfAdversarialInputs() {
    for (String unit : List.of("a@", "1.", "1-", "a/", "\\a", "ab:", "sk-", "eyJ.", "+1 ", "4111 ", "DE89 ", "aA1",
        "at (x.java:1)\n", "password=x ", "-----BEGIN ", "www.", "Q~", "::", "x".repeat(15) + " ", "Alice ", "ip-1-")) {
      double small = bestNanos(unit.repeat(500 / unit.length() + 1).substring(0, 500));
      double large = bestNanos(unit.repeat(4000 / unit.length() + 1).substring(0, 4000));
      // 8x the input: linear is ~8x the time; quadratic would be ~64x. Allow noise on a shared machine.
      assertTrue(large < small * 24 + 200_000, unit + ": 500 chars " + small + " ns, 4000 chars " + large + " ns");
    }
  }

  @Test
  void hugeValuesAreDroppedWithoutReadingThem() {
    String oneMegabyte = "a".repeat(1024 * 1024);
    String hundredMegabytes = "a".repeat(100 * 1024 * 1024);
    assertEquals("too-long", SANITIZER.sanitize("value", hundredMegabytes).reason());
    double small = bestNanos(oneMegabyte);
    double huge = bestNanos(hundredMegabytes);
    // Reading the value would cost ~100x for 100x the size; dropping it unread costs the same.
    assertTrue(huge < small * 10 + 1_000_000, "1 MB: " + small + " ns, 100 MB: " + huge + " ns");
  }

  private static double bestNanos(String value) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 15; i++) {
      long start = System.nanoTime();
      SANITIZER.sanitize("value", value);
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }

  // --- generators

  private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String[] NAMES = {"value", "model", "provider", "kind", "name", "prompt", "filePath", "apiKey",
      "$current_url", "promptTokens", "exception", ""};
  private static final String[] WRAPPERS = {"%s", "contact: %s", "<%s>", "please write to %s today", "x=%s&y=1",
      "\"%s\"",
      "(%s)", "%s."};

  private static <T> T pick(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static <T> T pick(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  private static String chars(Random r, String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** Any string: mostly printable, with control characters, surrogates and whitespace mixed in. */
  private static String anyString(Random r, int maxLength) {
    int length = r.nextInt(maxLength + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = r.nextInt(10);
      if (kind < 6) {
        out.append((char) (0x20 + r.nextInt(0x5f)));
      } else if (kind < 8) {
        out.append((char) r.nextInt(0x3000));
      } else if (kind == 8) {
        out.append(" \t\n\r".charAt(r.nextInt(4)));
      } else {
        out.append((char) r.nextInt(0x10000)); // lone surrogates too
      }
    }
    return out.toString();
  }

  private static String name(Random r) {
    int kind = r.nextInt(10);
    return kind < 6 ? pick(r, NAMES) : kind < 9 ? anyString(r, 20) : null;
  }

  private static String fragments(Random r, int min, int max) {
    int count = min + r.nextInt(max - min + 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append(pick(r, FRAGMENTS));
    }
    return out.toString();
  }

  private static Object leaf(Random r) {
    switch (r.nextInt(10)) {
      case 0:
        return anyString(r, 40);
      case 1:
        return pick(r, FRAGMENTS);
      case 2:
        return r.nextInt();
      case 3:
        return r.nextDouble() * (r.nextBoolean() ? 1e9 : -1e-9);
      case 4:
        return r.nextBoolean();
      case 5:
        return null;
      case 6:
        return new Hostile();
      case 7:
        return new HostileList();
      case 8:
        return new HostileText();
      default:
        return pick(r, Thread.State.values());
    }
  }

  private static Object graph(Random r, int depth) {
    if (depth == 0 || r.nextInt(3) == 0) {
      return leaf(r);
    }
    switch (r.nextInt(5)) {
      case 0: {
        List<Object> list = new ArrayList<>();
        for (int i = r.nextInt(7); i > 0; i--) {
          list.add(graph(r, depth - 1));
        }
        return list;
      }
      case 1: {
        Object[] array = new Object[r.nextInt(7)];
        for (int i = 0; i < array.length; i++) {
          array[i] = graph(r, depth - 1);
        }
        return array;
      }
      case 2: {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = r.nextInt(6); i > 0; i--) {
          map.put(anyString(r, 12), graph(r, depth - 1));
        }
        return map;
      }
      case 3:
        return new Pair(graph(r, depth - 1), graph(r, depth - 1));
      default:
        return new Holder(graph(r, depth - 1), "/home/alice", 3);
    }
  }

  /** Sometimes makes a container contain itself, directly or one level down. */
  private static Object maybeCycle(Object graph) {
    if (graph instanceof ArrayList<?> && System.identityHashCode(graph) % 3 == 0) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) graph;
      list.add(list);
      list.add(List.of(list));
    } else if (graph instanceof Map<?, ?> && !((Map<?, ?>) graph).isEmpty()) {
      @SuppressWarnings("unchecked")
      Map<Object, Object> map = (Map<Object, Object>) graph;
      map.put("self", map);
    } else if (graph instanceof Holder holder) {
      holder.self = holder;
    }
    return graph;
  }

  private static String card(Random r) {
    String prefix = pick(r,
        new String[] {"4", "51", "52", "53", "54", "55", "2221", "2720", "34", "37", "6011", "65", "35"});
    int length = prefix.equals("34") || prefix.equals("37") ? 15 : 16;
    String body = (prefix + chars(r, "0123456789", 18)).substring(0, length - 1);
    String number = body + luhnDigit(body);
    switch (r.nextInt(4)) {
      case 0:
        return number;
      case 1:
        return group(number, " ");
      case 2:
        return group(number, "-");
      default:
        return "paid with " + group(number, " ") + " yesterday";
    }
  }

  private static String group(String number, String separator) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < number.length(); i += 4) {
      if (i > 0) {
        out.append(separator);
      }
      out.append(number, i, Math.min(number.length(), i + 4));
    }
    return out.toString();
  }

  private static char luhnDigit(String body) {
    int sum = 0;
    boolean twice = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  private static String iban(Random r) {
    Map<String, Integer> lengths = Map.of("DE", 22, "FR", 27, "GB", 22, "NL", 18, "ES", 24, "IT", 27, "PL", 28, "CH",
        21,
        "BE", 16, "AT", 20);
    String country = pick(r, new ArrayList<>(new java.util.TreeSet<>(lengths.keySet())));
    String bban = chars(r, "0123456789", lengths.get(country) - 4);
    StringBuilder numeric = new StringBuilder();
    for (char c : (bban + country + "00").toCharArray()) {
      numeric.append(Character.getNumericValue(c));
    }
    int check = 98 - new java.math.BigInteger(numeric.toString()).mod(java.math.BigInteger.valueOf(97)).intValue();
    String iban = country + String.format("%02d", check) + bban;
    return r.nextBoolean() ? group(iban, " ") : iban;
  }

  private static String email(Random r) {
    String local = chars(r, "abcdefghijklmnopqrstuvwxyz0123456789", 1)
        + chars(r, "abcdefghijklmnopqrstuvwxyz._+-0123456789", r.nextInt(20));
    StringBuilder domain = new StringBuilder();
    for (int labels = 1 + r.nextInt(3); labels > 0; labels--) {
      domain.append(chars(r, "abcdefghijklmnopqrstuvwxyz0123456789", 1));
      domain.append(chars(r, "abcdefghijklmnopqrstuvwxyz-0123456789", r.nextInt(10)));
      domain.append(chars(r, "abcdefghijklmnopqrstuvwxyz0123456789", 1)).append('.');
    }
    return local + "@" + domain
        + pick(r, new String[] {"com", "org", "net", "io", "de", "co.uk", "example", "internal", "travel", "dev"});
  }

  private static String path(Random r) {
    String root = pick(r, new String[] {"/home/%s", "/Users/%s", "C:\\Users\\%s", "~/%s", "file:///home/%s",
        "\\\\server\\share\\%s", "/tmp/%s", "/var/lib/%s", "D:/work/%s", "./%s", "src/%s"});
    String separator = root.contains("\\") ? "\\" : "/";
    StringBuilder rest = new StringBuilder();
    for (int dirs = r.nextInt(4); dirs > 0; dirs--) {
      rest.append(chars(r, "abcdefghijklmnopqrstuvwxyz-_0123456789", 1 + r.nextInt(10))).append(separator);
    }
    String file = chars(r, "abcdefghijklmnopqrstuvwxyz-_0123456789", 1 + r.nextInt(10)) + "."
        + pick(r, new String[] {"java", "py", "ts", "txt", "md", "json", "pdf"});
    return String.format(root, rest + file);
  }

  private static String vendorToken(Random r) {
    String prefix = pick(r, new String[] {"ghp_", "gho_", "github_pat_", "glpat-", "xoxb-", "sk_live_", "sk-proj-",
        "sk-ant-api03-", "AIza", "npm_", "hf_", "pypi-", "dop_v1_", "shpat_", "hvs.", "lin_api_", "pplx-", "gsk_",
        "xai-", "sk-", "GOCSPX-", "dckr_pat_", "sntrys_", "r8_", "AKIA"});
    String body = chars(r, ALNUM, 40);
    switch (prefix) {
      case "AKIA":
        return prefix + body.substring(0, 16).toUpperCase().replace('0', 'A').replace('1', 'B').replace('8', 'C')
            .replace('9', 'D');
      case "dop_v1_":
      case "shpat_":
        return prefix + "0123456789abcdef".repeat(4);
      default:
        return prefix + body;
    }
  }

  private static String modelId(Random r) {
    String vendor = pick(r, new String[] {"", "", "openai/", "anthropic/", "meta-llama/", "google/", "mistralai/",
        "accounts/fireworks/models/", "@cf/meta/", "us.anthropic."});
    String family = pick(r, new String[] {"gpt", "claude", "llama", "gemini", "mistral", "qwen", "deepseek", "phi",
        "gemma", "codestral", "command", "grok", "o1", "o3", "starcoder", "codellama", "mixtral", "yi"});
    String version = pick(r, new String[] {"3", "3.5", "4", "4o", "4.1", "2.5", "3-5", "3.1", "v2", "2", "1.5"});
    String size = pick(r, new String[] {"", "-mini", "-turbo", "-sonnet", "-haiku", "-opus", "-pro", "-flash", "-8b",
        "-70b", "-instruct", "-coder", "-latest", ":8b", ":7b-instruct", ":latest", "-20241022", "@20240620",
        "-preview"});
    return vendor + family + "-" + version + size;
  }

  // --- host types whose every method counts as host code

  private static void hostCall(String method) {
    if (armed) {
      HOST_CALLS.incrementAndGet();
      throw new IllegalStateException(method + " is host code; the sanitizer must not call it");
    }
  }

  static final class Hostile {
    @Override
    public String toString() {
      hostCall("toString");
      return "Hostile";
    }

    @Override
    public int hashCode() {
      hostCall("hashCode");
      return System.identityHashCode(this);
    }

    @Override
    public boolean equals(Object other) {
      hostCall("equals");
      return this == other;
    }
  }

  static final class HostileList extends java.util.AbstractList<Object> {
    @Override
    public Object get(int index) {
      hostCall("get");
      return "/home/alice";
    }

    @Override
    public int size() {
      hostCall("size");
      return 1;
    }
  }

  static final class HostileText implements CharSequence {
    @Override
    public int length() {
      hostCall("length");
      return 10;
    }

    @Override
    public char charAt(int index) {
      hostCall("charAt");
      return 'x';
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      hostCall("subSequence");
      return "";
    }
  }

  record Pair(Object left, Object right) {}

  static final class Holder {
    final Object value;
    final String path;
    final int count;
    Object self;

    Holder(Object value, String path, int count) {
      this.value = value;
      this.path = path;
      this.count = count;
    }
  }
}
