package io.tracked.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Odd things where the agent expects a consent file, as users' machines hold them: the sample editor
 * with the agent must exit normally and on time, use no more heap than a normal run, say one line
 * naming the file and the fix without quoting it, and send nothing (consent is off until it is fixed).
 * Each run is compared with a normal run of the same JVM measured in the same test.
 */
class HostileConsentFilesIT {

  private static final String SECRET = "sk_live_51HxQf7ZqW9tYbR3mKc2LpVd8";
  private static final Pattern HEAP_USED = Pattern.compile(
      "heap\\s+total (?:reserved \\d+K, committed )?\\d+K, used (\\d+)K");
  // The exit budget of the contract, plus slack for a shared machine (at least 3 s, or the normal
  // run's own time): a hang or a held exit is seconds to forever, so this catches those without
  // measuring noise.
  private static final long EXIT_BUDGET_MILLIS = 2000;
  private static final long NOISE_MILLIS = 3000;
  private static final long HEAP_SLACK_KB = 16 * 1024;

  enum Hostile {
    FIFO("named pipe"),
    DEV_ZERO_LINK("character device"),
    HUGE("larger than 1024 KB"),
    DIRECTORY("directory"),
    MALFORMED_WITH_SECRET("not valid JSON");

    final String says;

    Hostile(String says) {
      this.says = says;
    }

    void plant(Path file) throws IOException, InterruptedException {
      Files.createDirectories(file.getParent());
      switch (this) {
        case FIFO:
          assumeTrue(new ProcessBuilder("mkfifo", file.toString()).start().waitFor() == 0, "mkfifo works here");
          break;
        case DEV_ZERO_LINK:
          assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero exists");
          Files.createSymbolicLink(file, Path.of("/dev/zero"));
          break;
        case HUGE:
          try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(200L * 1024 * 1024);
          }
          break;
        case DIRECTORY:
          Files.createDirectory(file);
          break;
        case MALFORMED_WITH_SECRET:
          Files.writeString(file, "{\n  \"apiKey\": " + SECRET + ",\n  \"allowAnonymousTelemetry\": true\n}\n");
          break;
        default:
          throw new AssertionError(this);
      }
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Path java : ChildJvm.javasUnderTest()) {
      for (Hostile hostile : Hostile.values()) {
        cases.add(Arguments.of(java, "config.json", hostile));
      }
      for (Hostile hostile : List.of(Hostile.FIFO, Hostile.DEV_ZERO_LINK, Hostile.HUGE)) {
        cases.add(Arguments.of(java, "index/globalContext.json", hostile));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} is {2}")
  @MethodSource("cases")
  void theHostNeverPaysForAHostileConsentFile(Path java, String relative, Hostile hostile, @TempDir Path homes)
      throws Exception {
    Run normal = normalRun(java);
    Path hostileHome = Files.createDirectories(homes.resolve("hostile"));
    Path file = hostileHome.resolve(".continue").resolve(relative);
    hostile.plant(file);

    try (FakePostHog posthog = FakePostHog.start(SampleAppIT.API_KEY)) {
      Run bad = run(java, hostileHome, posthog);
      assertFalse(bad.result.timedOut(), "the host hung: " + bad.result);
      bad.result.expectExit(0);
      long allowed = normal.elapsedMillis() + EXIT_BUDGET_MILLIS + Math.max(NOISE_MILLIS, normal.elapsedMillis());
      assertTrue(bad.elapsedMillis() <= allowed,
          "the host took " + bad.elapsedMillis() + " ms against " + normal.elapsedMillis() + " ms for a normal run");
      assertTrue(bad.heapUsedKb <= normal.heapUsedKb + HEAP_SLACK_KB,
          "heap used at exit " + bad.heapUsedKb + " KB against " + normal.heapUsedKb + " KB for a normal run");

      List<String> problemLines = bad.result.stderr().lines()
          .filter(line -> line.startsWith("[tracked] ") && line.contains(file.toString()) && line.contains("Fix:")
              || line.startsWith("[tracked] ") && line.contains(file.toString()) && line.contains("until it is fixed"))
          .toList();
      assertEquals(1, problemLines.size(), "one line names the file and the fix:\n" + bad.result.stderr());
      assertTrue(problemLines.get(0).contains(hostile.says), problemLines.get(0));
      for (int i = 0; i + 6 <= SECRET.length(); i++) {
        assertFalse(bad.result.stderr().contains(SECRET.substring(i, i + 6)),
            "quotes the file:\n" + bad.result.stderr());
      }
      assertTrue(problemLines.get(0).contains("telemetry stays off"), problemLines.get(0));
      posthog.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(10));
      assertEquals(0, posthog.requestCount(), "consent is off until the file is fixed: " + posthog.requests());
      HostileFilesReport.record(java, relative + " as " + hostile, normal.elapsedMillis(), bad.elapsedMillis(),
          normal.heapUsedKb, bad.heapUsedKb);
    }
  }

  @ParameterizedTest(name = "{0} status --config on {1}")
  @MethodSource("statusCases")
  void statusAnswersForAHostileConfig(Path java, Hostile hostile, @TempDir Path home) throws Exception {
    Path file = home.resolve(".continue/config.json");
    hostile.plant(file);
    ChildJvm.Result result = ChildJvm.builder().java(java).jar(SampleAppIT.agentJar()).userHome(home)
        .args("status", "--config", file.toString()).run(Duration.ofSeconds(60));
    assertFalse(result.timedOut(), "status hung: " + result);
    result.expectExit(0);
    assertTrue(result.stdout().contains("telemetry: disabled"), result.stdout());
    assertTrue(result.stdout().contains(hostile.says), result.stdout());
    assertFalse(result.stdout().contains(SECRET.substring(0, 12)), result.stdout());
  }

  static Stream<Arguments> statusCases() {
    return ChildJvm.javasUnderTest().stream()
        .flatMap(java -> Stream.of(Hostile.values()).map(hostile -> Arguments.of(java, hostile)));
  }

  private static final Map<Path, Run> NORMAL_RUNS = new ConcurrentHashMap<>();

  /** One normal run per JVM, the baseline every hostile case of that JVM is compared with. */
  private static Run normalRun(Path java) {
    return NORMAL_RUNS.computeIfAbsent(java, key -> {
      try (FakePostHog posthog = FakePostHog.start(SampleAppIT.API_KEY)) {
        Run normal = run(key,
            Files.createTempDirectory(Files.createDirectories(Path.of("target")), "hostile-normal-home"), posthog);
        normal.result.expectExit(0);
        assertTrue(posthog.awaitQuiet(Duration.ofMillis(300), Duration.ofSeconds(10)).size() > 0,
            "the normal run sent its events");
        return normal;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private record Run(ChildJvm.Result result, long heapUsedKb) {
    long elapsedMillis() {
      return result.elapsed().toMillis();
    }
  }

  private static Run run(Path java, Path home, FakePostHog posthog) throws IOException {
    Path heapLog = Files.createTempFile(home, "heap", ".log");
    ChildJvm.Result result = SampleAppIT.sample(java,
        "posthog.apiKey=" + SampleAppIT.API_KEY + ",posthog.host=" + posthog.url(), "--sessions", "2")
        // gc* rather than the exit tag set alone: JDK 17 says gc+heap+exit, later JDKs gc+exit.
        .jvmArg("-Xlog:gc*:file=" + heapLog)
        // A young generation larger than a run allocates: no collection runs before exit, so the
        // heap used at exit is everything the run allocated (a 200 MB read shows), the same
        // measure for the normal and the hostile run whatever the machine's load.
        .jvmArg("-Xms768m")
        .jvmArg("-Xmn512m")
        .userHome(home)
        .run(Duration.ofSeconds(90));
    String heap = Files.readString(heapLog);
    Matcher used = HEAP_USED.matcher(heap);
    long usedKb = -1;
    while (used.find()) {
      usedKb = Math.max(usedKb, Long.parseLong(used.group(1)));
    }
    assertTrue(usedKb >= 0 || result.timedOut(), "no heap summary at exit:\n" + heap);
    return new Run(result, usedKb);
  }
}
