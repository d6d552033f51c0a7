package io.tracked.it;

import io.tracked.api.Tracked;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small host compiled by the test in two versions: {@code Changing} changes its own event name, and
 * the interface {@code Base} changes the event name its implementation {@code Impl} inherits, while
 * {@code Impl}'s own class file stays byte for byte the same. {@code Settings} is the host's
 * {@code @TelemetrySwitch}: the first program argument is what it reports.
 */
record CachedHost(Path common, Path v1, Path v2) {

  private static final String IMPL = "package cachehost;\npublic class Impl implements Base {\n"
      + "  public void act(String what) {}\n}\n";
  private static final String SETTINGS = "package cachehost;\nimport io.tracked.api.TelemetrySwitch;\n"
      + "public class Settings {\n  static boolean enabled = true;\n"
      + "  @TelemetrySwitch public boolean telemetryEnabled() { return enabled; }\n}\n";
  private static final String MAIN = "package cachehost;\npublic class Main {\n"
      + "  public static void main(String[] args) {\n"
      + "    Settings.enabled = args.length == 0 || Boolean.parseBoolean(args[0]);\n"
      + "    new Settings().telemetryEnabled();\n    new Impl().act(\"act\");\n    new Changing().run(\"one\");\n"
      + "  }\n}\n";

  private static String base(int version) {
    return "package cachehost;\nimport io.tracked.api.Tracked;\npublic interface Base {\n"
        + "  @Tracked(\"interface_v" + version + "\") void act(String what);\n}\n";
  }

  private static String changing(int version) {
    return "package cachehost;\nimport io.tracked.api.Tracked;\npublic class Changing {\n"
        + "  @Tracked(\"changing_v" + version + "\") public void run(String step) {}\n}\n";
  }

  static CachedHost build(Path temp) throws IOException {
    Path api = AgentHarness.locationOf(Tracked.class);
    Path all = sources(temp.resolve("src-common"), "Base", base(1), "Changing", changing(1), "Impl", IMPL,
        "Settings", SETTINGS, "Main", MAIN);
    Path common = unpack(ThirdPartyJar.compile(temp, all, "common.jar", List.of("-parameters"), List.of(api)),
        temp.resolve("common"));
    Path v1 = sources(temp.resolve("src-v1"), "Base", base(1), "Changing", changing(1));
    Path v2 = sources(temp.resolve("src-v2"), "Base", base(2), "Changing", changing(2));
    Path v1Classes = unpack(ThirdPartyJar.compile(temp, v1, "v1.jar", List.of("-parameters"), List.of(api, common)),
        temp.resolve("v1"));
    Path v2Classes = unpack(ThirdPartyJar.compile(temp, v2, "v2.jar", List.of("-parameters"), List.of(api, common)),
        temp.resolve("v2"));
    // Only Impl, Settings and Main stay common: each version brings its own Base and Changing.
    Files.delete(common.resolve("cachehost/Base.class"));
    Files.delete(common.resolve("cachehost/Changing.class"));
    return new CachedHost(common, v1Classes, v2Classes);
  }

  /** The class path of one version. */
  List<Path> version(int version) {
    return List.of(common, version == 1 ? v1 : v2, AgentHarness.locationOf(Tracked.class));
  }

  private static Path sources(Path dir, String... namesAndSources) throws IOException {
    Path pkg = Files.createDirectories(dir.resolve("cachehost"));
    for (int i = 0; i < namesAndSources.length; i += 2) {
      Files.writeString(pkg.resolve(namesAndSources[i] + ".java"), namesAndSources[i + 1]);
    }
    return dir;
  }

  private static Path unpack(Path jar, Path dir) throws IOException {
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      for (java.util.jar.JarEntry entry : java.util.Collections.list(file.entries())) {
        Path target = dir.resolve(entry.getName());
        Files.createDirectories(target.getParent());
        try (java.io.InputStream in = file.getInputStream(entry)) {
          Files.copy(in, target);
        }
      }
    }
    return dir;
  }
}
