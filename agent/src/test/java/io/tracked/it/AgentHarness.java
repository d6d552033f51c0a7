package io.tracked.it;

import io.tracked.api.Tracked;
import io.tracked.testkit.ChildJvm;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Locates the packaged agent and the fixture host, and starts the fixture the way a user would. */
final class AgentHarness {

  static final String API_KEY = "phc_test_fixture_key";

  private AgentHarness() {}

  static Path agentJar() {
    Path jar = Paths.get(System.getProperty("tracked.agent.jar", "target/tracked-agent.jar")).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " does not exist: integration tests run after `mvn package`");
    }
    return jar;
  }

  static List<Path> fixtureClasspath() {
    return List.of(Paths.get("target/test-classes").toAbsolutePath(), locationOf(Tracked.class));
  }

  static Path locationOf(Class<?> type) {
    try {
      return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The fixture on the given JVM with the agent; the child gets an empty home and Continue directory. */
  static ChildJvm fixture(Path java, String agentArguments, String... programArguments) {
    return ChildJvm.builder()
        .java(java)
        .javaAgent(agentJar(), agentArguments)
        .mainClass("io.tracked.fixture.FixtureApp", fixtureClasspath())
        .args(programArguments);
  }

  /** Lines the agent wrote: it prefixes every one of them. */
  static List<String> agentLines(String stderr) {
    return stderr.lines().filter(line -> line.startsWith("[tracked]")).toList();
  }
}
