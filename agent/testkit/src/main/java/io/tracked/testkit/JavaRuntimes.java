package io.tracked.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java runtimes the integration tests run the product on.
 *
 * <p>The product promises Java 17 and Java 25; the build itself runs on one JDK, so the others arrive
 * as paths in the system property {@value #EXTRA_JAVAS_PROPERTY} (comma-separated java executables or
 * JDK homes). Each scenario then runs once per runtime in {@link #javasUnderTest()}. A listed path that
 * is not a usable java fails loudly: silently skipping it would hide that a runtime went untested.
 */
public final class JavaRuntimes {

  /** System property listing extra java executables (or JDK homes), comma-separated. */
  public static final String EXTRA_JAVAS_PROPERTY = "tracked.it.extraJavas";

  private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?([^\"\\s]+)\"?");
  private static final Pattern VERSION_OUTPUT = Pattern.compile("version \"([^\"]+)\"");
  private static final Map<Path, Integer> FEATURE_VERSIONS = new ConcurrentHashMap<>();

  private JavaRuntimes() {
  }

  /** The java executable of the JVM running the tests. */
  public static Path currentJava() {
    return javaIn(Path.of(System.getProperty("java.home")));
  }

  /** The extra runtimes from {@value #EXTRA_JAVAS_PROPERTY}; empty when unset or blank. */
  public static List<Path> extraJavas() {
    return parse(System.getProperty(EXTRA_JAVAS_PROPERTY, ""));
  }

  /** The current java followed by the extra ones, each runtime once (compared by real path). */
  public static List<Path> javasUnderTest() {
    Map<Path, Path> unique = new LinkedHashMap<>();
    List<Path> all = new ArrayList<>();
    all.add(currentJava());
    all.addAll(extraJavas());
    for (Path java : all) {
      unique.putIfAbsent(realPath(java), java);
    }
    return List.copyOf(unique.values());
  }

  /**
   * The feature version (17, 25, ...) of a java executable: from the {@code release} file of its JDK
   * when there is one (cheap), else from {@code java -version}.
   */
  public static int javaFeatureVersion(Path javaExecutable) {
    return FEATURE_VERSIONS.computeIfAbsent(realPath(javaExecutable), JavaRuntimes::readFeatureVersion);
  }

  static List<Path> parse(String value) {
    List<Path> javas = new ArrayList<>();
    if (value == null) {
      return javas;
    }
    for (String entry : value.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      Path path = Path.of(trimmed);
      Path java = Files.isDirectory(path) ? javaIn(path) : path;
      if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
        throw new IllegalArgumentException(EXTRA_JAVAS_PROPERTY + " lists " + trimmed
            + ", which is not a java executable or a JDK home");
      }
      javas.add(java.toAbsolutePath().normalize());
    }
    return javas;
  }

  static int featureOf(String version) {
    String[] parts = version.split("[.+\\-_]");
    int first = Integer.parseInt(parts[0]);
    return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
  }

  private static Path javaIn(Path home) {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    return home.resolve("bin").resolve(windows ? "java.exe" : "java");
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  private static int readFeatureVersion(Path java) {
    Path bin = java.getParent();
    Path release = bin == null || bin.getParent() == null ? null : bin.getParent().resolve("release");
    if (release != null && Files.isRegularFile(release)) {
      try {
        Matcher m = RELEASE_VERSION.matcher(Files.readString(release, StandardCharsets.UTF_8));
        if (m.find()) {
          return featureOf(m.group(1));
        }
      } catch (IOException | RuntimeException e) {
        // fall through to asking the runtime itself
      }
    }
    return askRuntime(java);
  }

  private static int askRuntime(Path java) {
    try {
      Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      Matcher m = VERSION_OUTPUT.matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("cannot read a version from `" + java + " -version`: " + output);
      }
      return featureOf(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + java + " -version", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + java + " -version", e);
    }
  }
}
