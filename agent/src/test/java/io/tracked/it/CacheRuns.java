package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracked.agent.testing.Poll;
import io.tracked.testkit.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts a host the way a user would, again and again with the same home (so the same Continue
 * directory and weave cache), events to the outbox; after each start, what it sent and whether it
 * loaded Byte Buddy (from the JVM's own class-loading log).
 */
final class CacheRuns {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one start did. */
  record Run(ChildJvm.Result result, List<String> events, int byteBuddyClasses) {

    /** The agent's lines on stderr besides its start-up line: none in normal operation. */
    List<String> agentProblems() {
      return AgentHarness.agentLines(result.stderr()).stream().filter(l -> !l.startsWith("[tracked] Tracked "))
          .toList();
    }
  }

  private final Path java;
  private final Path home;
  private final String agentArguments;
  private final String mainClass;
  private final List<Path> classpath;
  private final String[] args;
  private final int expectedEvents;

  /** @param expectedEvents how many events one start of this host sends */
  CacheRuns(Path java, Path home, String agentArguments, String mainClass, List<Path> classpath, int expectedEvents,
      String... args) {
    this.expectedEvents = expectedEvents;
    this.java = java;
    this.home = home;
    this.agentArguments = agentArguments;
    this.mainClass = mainClass;
    this.classpath = classpath;
    this.args = args;
  }

  Path continueDirectory() {
    return home.resolve(".continue");
  }

  /** The weave cache's context directories. */
  List<Path> contexts() throws IOException {
    Path root = continueDirectory().resolve("telemetry/weave-cache");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.sorted().toList();
    }
  }

  /** The entries of the only context. */
  List<Path> entries() throws IOException {
    List<Path> contexts = contexts();
    assertEquals(1, contexts.size(), "one context expected: " + contexts);
    try (Stream<Path> files = Files.list(contexts.get(0))) {
      return files.filter(f -> f.toString().endsWith(".twc")).sorted().toList();
    }
  }

  Run run() {
    return run(classpath);
  }

  /** One start to its exit, with {@code classes} as its class path. */
  Run run(List<Path> classes) {
    return run(classes, expectedEvents, null, args);
  }

  /**
   * One start to its exit, with {@code classes} as its class path and these program arguments. The
   * host stays open ({@code StayOpen}) until its outbox holds {@code expectedEvents} events, so what
   * is compared is what the agent sent while the host ran, never what a busy machine's exit budget cut.
   *
   * @param awaitLine a line the agent must have written on stderr before the host may close, or null
   */
  Run run(List<Path> classes, int expectedEvents, String awaitLine, String... programArguments) {
    Path classLog = home.resolve("class-load-" + System.nanoTime() + ".log");
    Path outbox = continueDirectory().resolve("telemetry/outbox.jsonl");
    // Unique per start, not per instance: another CacheRuns on the same home must not find this one's file.
    Path stop = home.resolve("stop-" + System.nanoTime());
    try {
      Files.createDirectories(home);
      Files.deleteIfExists(outbox); // each run's own events; the cache stays
      if (expectedEvents == 0 && awaitLine == null) {
        Files.createFile(stop);
      }
      List<String> arguments = new ArrayList<>(List.of(stop.toString(), mainClass));
      arguments.addAll(List.of(programArguments));
      List<Path> path = new ArrayList<>(classes);
      path.add(AgentHarness.locationOf(io.tracked.fixture.StayOpen.class));
      ChildJvm.Result result;
      try (ChildJvm.Running host = ChildJvm.builder().java(java)
          .userHome(home)
          .jvmArg("-Xlog:class+load=info:file=" + classLog)
          .javaAgent(AgentHarness.agentJar(), agentArguments)
          .mainClass(io.tracked.fixture.StayOpen.class.getName(), path)
          .args(arguments.toArray(new String[0]))
          .start()) {
        if (expectedEvents > 0) {
          Poll.until(() -> lines(outbox) >= expectedEvents, Duration.ofSeconds(30),
              () -> lines(outbox) + " of " + expectedEvents + " events in " + outbox + "\n" + host.stderrSoFar());
        }
        if (awaitLine != null) {
          host.awaitStderr(err -> err.contains(awaitLine), Duration.ofSeconds(30));
        }
        if (!Files.exists(stop)) {
          Files.createFile(stop);
        }
        result = host.waitFor(Duration.ofSeconds(60));
      }
      result.expectExit(0);
      List<String> events = new ArrayList<>();
      if (Files.exists(outbox)) {
        for (String line : Files.readAllLines(outbox, StandardCharsets.UTF_8)) {
          JsonNode event = JSON.readTree(line);
          events.add(event.get("event").asText() + " " + event.get("properties"));
        }
      }
      events.sort(null);
      String loaded = Files.readString(classLog, StandardCharsets.UTF_8);
      int byteBuddy = (int) loaded.lines().filter(l -> l.contains(".bytebuddy.")).count();
      assertTrue(loaded.contains("io.tracked.agent.TrackedAgent"), "the class-loading log is empty: " + classLog);
      return new Run(result, events, byteBuddy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long lines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8).size() : 0;
    } catch (IOException racing) {
      return 0;
    }
  }
}
