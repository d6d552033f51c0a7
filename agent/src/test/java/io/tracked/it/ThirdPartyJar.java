package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the "third-party library" of src/test/thirdparty as a library from Maven Central usually
 * is: compiled with debug information ({@code -g}: the local variable table) but without
 * {@code -parameters}, with no annotations and no dependency on the API.
 */
final class ThirdPartyJar {

  static final String PACKAGE = "org.thirdparty.editor.";

  private ThirdPartyJar() {}

  static Path build(Path temp) throws IOException {
    return compile(temp, Paths.get("src/test/thirdparty"), "thirdparty.jar", List.of("-g"), List.of());
  }

  /** Compiles every source under {@code sources} into a jar in {@code temp}. */
  static Path compile(Path temp, Path sources, String jarName, List<String> options, List<Path> classpath)
      throws IOException {
    Path classes = Files.createDirectories(temp.resolve(jarName + "-classes"));
    List<String> arguments = new ArrayList<>(options);
    arguments.addAll(List.of("--release", "17", "-d", classes.toString()));
    if (!classpath.isEmpty()) {
      arguments.add("-cp");
      arguments.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
    }
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, null, errors, arguments.toArray(new String[0]));
    assertEquals(0, status, errors.toString());
    Path jar = temp.resolve(jarName);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, (OutputStream) out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
