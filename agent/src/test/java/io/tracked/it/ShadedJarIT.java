package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The agent jar shares the host's class path, so every class it carries must live under our own
 * package: a host with its own Byte Buddy, Jackson, OkHttp or PostHog must never load ours.
 */
class ShadedJarIT {

  @Test
  void everyClassIsOursOrRelocated() throws IOException {
    try (JarFile jar = new JarFile(AgentHarness.agentJar().toFile())) {
      List<String> foreign = Collections.list(jar.entries()).stream()
          .map(ZipEntry::getName)
          .filter(name -> name.endsWith(".class"))
          .filter(name -> !name.startsWith("io/tracked/agent/") && !name.startsWith("META-INF/tracked-api/"))
          .toList();
      assertEquals(List.of(), foreign, "classes outside io.tracked.agent");
      assertTrue(jar.getEntry("io/tracked/agent/shaded/bytebuddy/ByteBuddy.class") != null);
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("META-INF/services/")),
          "service files leak to the host");

      Attributes manifest = jar.getManifest().getMainAttributes();
      assertEquals("io.tracked.agent.TrackedAgent", manifest.getValue("Premain-Class"));
      assertEquals("io.tracked.agent.TrackedAgent", manifest.getValue("Agent-Class"));
      assertEquals("io.tracked.agent.TrackedAgent", manifest.getValue("Main-Class"));
      assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
    }
  }
}
