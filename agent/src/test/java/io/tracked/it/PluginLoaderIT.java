package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracked.api.Tracked;
import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plugin loaded by a class loader with no parent (it sees only the JDK and its own jar) is tracked
 * whether or not its jar carries a copy of the annotation API: the agent reads the annotations from
 * the class file and resolves their types from its own copy.
 */
class PluginLoaderIT {

  @TempDir Path temp;

  @ParameterizedTest(name = "API copy in the plugin jar: {0}")
  @ValueSource(booleans = {true, false})
  void pluginInAParentlessLoaderIsTracked(boolean carriesApi) throws IOException {
    Path api = AgentHarness.locationOf(Tracked.class);
    Path jar = ThirdPartyJar.compile(temp, Paths.get("src/test/plugin"), "plugin.jar", List.of("-parameters"),
        List.of(api));
    if (carriesApi) {
      jar = withApi(jar, api);
    }
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      ChildJvm.Result result = ChildJvm.builder()
          .javaAgent(AgentHarness.agentJar(), "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url())
          .mainClass("io.tracked.fixture.PluginHost", List.of(Paths.get("target/test-classes").toAbsolutePath()))
          .args(jar.toString())
          .run(Duration.ofSeconds(60));
      result.expectExit(0);
      assertEquals("plugin done", result.stdout().strip());
      List<CapturedEvent> events = posthog.awaitEventCount(1, Duration.ofSeconds(20));
      assertEquals(1, events.size(), events.toString());
      assertEquals("plugin_greeted", events.get(0).event());
      assertEquals("hello-world", events.get(0).property("greeting"));
    }
  }

  /** The plugin jar with the API's class files added, as a plugin that shades the API would be. */
  private Path withApi(Path jar, Path api) throws IOException {
    Path combined = temp.resolve("plugin-with-api.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(combined))) {
      try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
        for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
          out.putNextEntry(new JarEntry(entry.getName()));
          in.transferTo(out);
          out.closeEntry();
        }
      }
      if (Files.isDirectory(api)) {
        try (Stream<Path> files = Files.walk(api)) {
          for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
            out.putNextEntry(new JarEntry(api.relativize(file).toString().replace('\\', '/')));
            Files.copy(file, (OutputStream) out);
            out.closeEntry();
          }
        }
      } else {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(api))) {
          for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
            if (entry.getName().endsWith(".class")) {
              out.putNextEntry(new JarEntry(entry.getName()));
              in.transferTo(out);
              out.closeEntry();
            }
          }
        }
      }
    }
    return combined;
  }
}
