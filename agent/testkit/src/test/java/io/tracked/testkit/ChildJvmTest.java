package io.tracked.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.fixtures.ChildMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildJvmTest {

  private static List<Path> testClasspath() throws Exception {
    return List.of(Path.of(ChildMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
  }

  private static ChildJvm child(String... instructions) throws Exception {
    return ChildJvm.builder()
        .mainClass(ChildMain.class.getName(), testClasspath())
        .args(instructions);
  }

  @Test
  void capturesStdoutStderrAndExitCode() throws Exception {
    ChildJvm.Result result = child("out=hello wörld", "err=warning", "exit=3").run(Duration.ofSeconds(30));

    assertFalse(result.timedOut(), result::toString);
    assertEquals(3, result.exitCode(), result::toString);
    assertEquals("hello wörld" + System.lineSeparator(), result.stdout());
    assertEquals("warning" + System.lineSeparator(), result.stderr());
    assertTrue(result.elapsed().toMillis() > 0);
    assertThrows(AssertionError.class, () -> result.expectExit(0));
    assertEquals(result, result.expectExit(3));
  }

  @Test
  void timeoutKillsTheChild() throws Exception {
    try (ChildJvm.Running running = child("out=started", "sleep=60000").start()) {
      running.awaitStdout(out -> out.contains("started"), Duration.ofSeconds(30));
      ChildJvm.Result result = running.waitFor(Duration.ofMillis(200));

      assertTrue(result.timedOut());
      assertFalse(running.isAlive());
      assertFalse(ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive).orElse(false));
      assertTrue(result.elapsed().toSeconds() < 30, result::toString);
      assertTrue(result.stdout().contains("started"));
    }
  }

  @Test
  void awaitStderrSeesOutputWhileRunningAndCloseKills() throws Exception {
    ChildJvm.Running running = child("err=ready", "sleep=60000").start();
    String stderr = running.awaitStderr(err -> err.contains("ready"), Duration.ofSeconds(30));
    assertTrue(stderr.contains("ready"));
    assertTrue(running.isAlive());
    running.close();
    assertFalse(running.isAlive());
  }

  @Test
  void awaitStderrFailsFastWhenTheChildEnds() throws Exception {
    try (ChildJvm.Running running = child("err=something else", "exit=0").start()) {
      AssertionError error = assertThrows(AssertionError.class,
          () -> running.awaitStderr(err -> err.contains("never"), Duration.ofSeconds(30)));
      assertTrue(error.getMessage().contains("something else"), error.getMessage());
    }
  }

  @Test
  void environmentIsScrubbedUnlessSetExplicitly() throws Exception {
    ChildJvm.Result result = child("env=TRACKED_DEBUG", "env=DO_NOT_TRACK", "env=PATH")
        .env("TRACKED_DEBUG", "true")
        .removeEnv("PATH")
        .run(Duration.ofSeconds(30))
        .expectExit(0);
    assertTrue(result.stdout().contains("TRACKED_DEBUG=true"), result::toString);
    assertTrue(result.stdout().contains("DO_NOT_TRACK=null"), result::toString);
    assertTrue(result.stdout().contains("PATH=null"), result::toString);
  }

  @Test
  void scrubRemovesDeveloperSettings() {
    Map<String, String> env = new HashMap<>(Map.of(
        "TRACKED_POSTHOG_HOST", "https://real", "POSTHOG_API_KEY", "phc_real", "DO_NOT_TRACK", "1",
        "CONTINUE_GLOBAL_DIR", "/home/dev/.continue", "JAVA_TOOL_OPTIONS", "-javaagent:x.jar",
        "PATH", "/usr/bin", "TRACKED_CONFIG", "/x"));
    ChildEnvironment.apply(env, Map.of("TRACKED_CONFIG", "/test/config.json"), Set.of());
    assertEquals(Map.of("PATH", "/usr/bin", "TRACKED_CONFIG", "/test/config.json"), env);
  }

  @Test
  void systemPropertiesHomeAndStdinReachTheChild(@TempDir Path home) throws Exception {
    ChildJvm.Result result = child("prop=tracked.debug", "prop=user.home", "env=HOME", "stdin")
        .systemProperty("tracked.debug", "true")
        .userHome(home)
        .stdin("{\"name\":\"x\"}")
        .run(Duration.ofSeconds(30))
        .expectExit(0);
    assertTrue(result.stdout().contains("tracked.debug=true"), result::toString);
    assertTrue(result.stdout().contains("user.home=" + home.toAbsolutePath()), result::toString);
    assertTrue(result.stdout().contains("HOME=" + home.toAbsolutePath()), result::toString);
    assertTrue(result.stdout().contains("stdin:{\"name\":\"x\"}"), result::toString);
  }

  @Test
  void defaultHomeIsAFreshTempDirectory() throws Exception {
    try (ChildJvm.Running running = child("prop=user.home").start()) {
      ChildJvm.Result result = running.waitFor(Duration.ofSeconds(30)).expectExit(0);
      assertNotNull(running.userHome());
      assertFalse(running.userHome().toString().equals(System.getProperty("user.home")));
      assertTrue(result.stdout().contains("user.home=" + running.userHome().toAbsolutePath()),
          result::toString);
    }
  }

  @Test
  void javaAgentOptionIsBuiltLikeAUserWouldTypeIt() {
    List<String> command = ChildJvm.builder()
        .javaAgent(Path.of("/opt/tracked-agent.jar"), "debug=true,posthog.host=http://127.0.0.1:1")
        .javaAgent(Path.of("/opt/other.jar"), null)
        .jar(Path.of("/opt/app.jar"))
        .args("--sessions", "2")
        .command();
    assertTrue(command.contains("-javaagent:/opt/tracked-agent.jar=debug=true,posthog.host=http://127.0.0.1:1"),
        command::toString);
    assertTrue(command.contains("-javaagent:/opt/other.jar"), command::toString);
    assertEquals(List.of("-jar", "/opt/app.jar", "--sessions", "2"),
        command.subList(command.size() - 4, command.size()));
    assertTrue(command.indexOf("-javaagent:/opt/other.jar") < command.indexOf("-jar"));
    assertEquals(JavaRuntimes.currentJava().toString(), command.get(0));
  }
}
