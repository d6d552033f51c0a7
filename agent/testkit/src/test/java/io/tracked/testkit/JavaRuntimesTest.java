package io.tracked.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {

  @Test
  void currentJavaExistsAndItsVersionIsKnown() {
    Path java = JavaRuntimes.currentJava();
    assertTrue(Files.isExecutable(java), java::toString);
    assertEquals(Runtime.version().feature(), ChildJvm.javaFeatureVersion(java));
  }

  @Test
  void extraJavasParseSkippingBlanks() {
    Path java = JavaRuntimes.currentJava();
    Path home = java.getParent().getParent();
    assertEquals(List.of(), JavaRuntimes.parse(""));
    assertEquals(List.of(), JavaRuntimes.parse(" , ,"));
    assertEquals(List.of(java.toAbsolutePath().normalize(), java.toAbsolutePath().normalize()),
        JavaRuntimes.parse(" " + java + " ,, " + home));
  }

  @Test
  void aWrongExtraJavaFailsLoudly(@TempDir Path dir) {
    assertThrows(IllegalArgumentException.class, () -> JavaRuntimes.parse(dir.resolve("nope").toString()));
  }

  @Test
  void javasUnderTestStartWithTheCurrentOneWithoutDuplicates() {
    String before = System.getProperty(JavaRuntimes.EXTRA_JAVAS_PROPERTY);
    try {
      System.setProperty(JavaRuntimes.EXTRA_JAVAS_PROPERTY, JavaRuntimes.currentJava() + ",");
      assertEquals(List.of(JavaRuntimes.currentJava()), ChildJvm.javasUnderTest());
      assertEquals(1, ChildJvm.extraJavas().size());
    } finally {
      if (before == null) {
        System.clearProperty(JavaRuntimes.EXTRA_JAVAS_PROPERTY);
      } else {
        System.setProperty(JavaRuntimes.EXTRA_JAVAS_PROPERTY, before);
      }
    }
  }

  @Test
  void featureVersionsParseOldAndNewSchemes() {
    assertEquals(8, JavaRuntimes.featureOf("1.8.0_392"));
    assertEquals(17, JavaRuntimes.featureOf("17.0.15"));
    assertEquals(25, JavaRuntimes.featureOf("25.0.1"));
    assertEquals(25, JavaRuntimes.featureOf("25"));
    assertEquals(26, JavaRuntimes.featureOf("26-ea"));
  }

  @Test
  void featureVersionFallsBackToRunningJavaWithoutReleaseFile(@TempDir Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path link = Files.createSymbolicLink(bin.resolve("java-link"), JavaRuntimes.currentJava());
    // The link resolves to the real JDK, whose release file is used; a plain script exercises -version.
    assertEquals(Runtime.version().feature(), JavaRuntimes.javaFeatureVersion(link));
    Files.delete(link);
    Path script = bin.resolve("java");
    Files.writeString(script, "#!/bin/sh\nexec '" + JavaRuntimes.currentJava() + "' \"$@\"\n");
    script.toFile().setExecutable(true);
    assertEquals(Runtime.version().feature(), JavaRuntimes.javaFeatureVersion(script));
  }
}
