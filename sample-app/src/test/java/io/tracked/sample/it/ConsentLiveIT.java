package io.tracked.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.CapturedRequest;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every consent switch, flipped while the sample editor runs: off stops every request within two
 * seconds and nothing captured before the flip is sent after it; on again resumes with a new
 * anonymous id. Files are replaced by rename, as editors save them. Waits are for conditions, with
 * deadlines; the measured delay from each flip to the last request is appended to
 * {@code target/consent-delays.txt} for the record.
 */
class ConsentLiveIT {

  static final String API_KEY = "phc_consent_it_key";
  static final Duration EFFECT = Duration.ofSeconds(2);

  /** One user-facing switch: where it lives and how it is written off and on. */
  enum Switch {
    CONFIG_JSON(".continue/config.json", "{ // opted out\n \"allowAnonymousTelemetry\": false, }",
        "{ \"allowAnonymousTelemetry\": true }"),
    GLOBAL_CONTEXT(".continue/index/globalContext.json", "{\"sharedConfig\": {\"allowAnonymousTelemetry\": false}}",
        "{\"sharedConfig\": {}}"),
    HOST_SETTING(".tracked-sample/settings.json", "{\"telemetryEnabled\": false}", "{\"telemetryEnabled\": true}");

    final String path;
    final String off;
    final String on;

    Switch(String path, String off, String on) {
      this.path = path;
      this.off = off;
      this.on = on;
    }
  }

  static Stream<Arguments> switchesOnEveryJava() {
    return ChildJvm.javasUnderTest().stream()
        .flatMap(java -> Stream.of(Switch.values()).map(s -> Arguments.of(s, java)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("switchesOnEveryJava")
  void offStopsEverythingAndOnResumesWithANewId(Switch consentSwitch, Path java, @TempDir Path home)
      throws IOException {
    Path file = home.resolve(consentSwitch.path);
    write(file, consentSwitch.on);
    try (FakePostHog posthog = FakePostHog.start(API_KEY);
        ChildJvm.Running sample = SampleAppIT
            .sample(java, "debug=true,posthog.apiKey=" + API_KEY + ",posthog.host=" + posthog.url(),
                "--sessions", "12", "--pace-ms", "30")
            .userHome(home).start()) {

      List<CapturedEvent> before = posthog.awaitEventCount(20, Duration.ofSeconds(30));
      Set<String> idsBefore = before.stream().map(CapturedEvent::distinctId).collect(Collectors.toSet());
      assertEquals(1, idsBefore.size(), "one anonymous id while on");

      Instant off = Instant.now();
      write(file, consentSwitch.off);
      sample.awaitStderr(err -> err.contains("consent: telemetry off because"), Duration.ofSeconds(15));
      long noticedMillis = Duration.between(off, Instant.now()).toMillis();
      posthog.awaitQuiet(EFFECT.plusMillis(500), Duration.ofSeconds(15));
      Instant lastRequest = posthog.requests().stream().map(CapturedRequest::receivedAt)
          .max(Comparator.naturalOrder()).orElseThrow();
      long delayMillis = Duration.between(off, lastRequest).toMillis();
      record(consentSwitch, java, noticedMillis, delayMillis);
      assertTrue(delayMillis <= EFFECT.toMillis(),
          "a request " + delayMillis + " ms after " + consentSwitch + " turned off");
      int requestsWhileOff = posthog.requestCount();

      Instant on = Instant.now();
      write(file, consentSwitch.on);
      List<CapturedEvent> all = posthog.awaitEvents(events -> events.stream()
          .anyMatch(e -> !idsBefore.contains(e.distinctId())), Duration.ofSeconds(15));

      List<CapturedEvent> after = all.stream().filter(e -> !idsBefore.contains(e.distinctId())).toList();
      assertEquals(1, after.stream().map(CapturedEvent::distinctId).distinct().count());
      assertNotEquals(idsBefore.iterator().next(), after.get(0).distinctId(), "the id survived an opt-out");
      for (CapturedEvent event : after) {
        assertFalse(Instant.parse(event.timestamp()).isBefore(on), "captured before consent came back: " + event);
      }
      for (CapturedEvent event : all) {
        if (idsBefore.contains(event.distinctId())) {
          assertTrue(Instant.parse(event.timestamp()).isBefore(off.plus(EFFECT)), "sent after the opt-out: " + event);
        }
      }
      assertTrue(posthog.requestCount() > requestsWhileOff);

      ChildJvm.Result result = sample.waitFor(Duration.ofSeconds(60));
      result.expectExit(0);
    }
  }

  @Test
  void doNotTrackSendsNothingFromStartToExit() {
    try (FakePostHog posthog = FakePostHog.start(API_KEY)) {
      ChildJvm.Result result = SampleAppIT.sample(ChildJvm.javasUnderTest().get(0),
          "posthog.apiKey=" + API_KEY + ",posthog.host=" + posthog.url(), "--sessions", "2")
          .env("DO_NOT_TRACK", "1").run(Duration.ofSeconds(60));
      result.expectExit(0);
      posthog.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(5));
      assertEquals(0, posthog.requestCount(), posthog.requests().toString());
    }
  }

  @Test
  void malformedConfigSendsNothingFromStartToExit(@TempDir Path home) throws IOException {
    write(home.resolve(".continue/config.json"), "{ \"allowAnonymousTelemetry\": true ");
    try (FakePostHog posthog = FakePostHog.start(API_KEY)) {
      ChildJvm.Result result = SampleAppIT.sample(ChildJvm.javasUnderTest().get(0),
          "posthog.apiKey=" + API_KEY + ",posthog.host=" + posthog.url(), "--sessions", "2")
          .userHome(home).run(Duration.ofSeconds(60));
      result.expectExit(0);
      assertTrue(result.stderr().contains("config.json is not valid JSON at line 1"), result.stderr());
      posthog.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(5));
      assertEquals(0, posthog.requestCount(), posthog.requests().toString());
    }
  }

  /** Writes the file the way editors save: a complete temporary file renamed over the old one. */
  static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".save", ".tmp");
    Files.writeString(temp, content);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void record(Switch consentSwitch, Path java, long noticedMillis, long delayMillis) throws IOException {
    String line = consentSwitch + " java=" + ChildJvm.javaFeatureVersion(java) + " offNoticedWithinMs=" + noticedMillis
        + " lastRequestAfterFlipMs=" + delayMillis + "\n";
    System.out.print("consent delay: " + line);
    Files.writeString(Paths.get("target/consent-delays.txt"), line, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
