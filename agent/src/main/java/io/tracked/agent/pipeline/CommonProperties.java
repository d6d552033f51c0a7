package io.tracked.agent.pipeline;

import io.tracked.agent.config.TrackedVersion;
import java.io.File;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The properties every event carries: the OS and the host application ("IDE") by name and version,
 * the agent's version, and PostHog's switches that keep events anonymous (no person profile, no
 * GeoIP lookup). {@code $ip} is never set. Computed once, off the host's threads. The host is named
 * by the {@code ide.name} and {@code ide.version} options, else by its main jar's manifest, else by
 * its main class.
 */
public final class CommonProperties {

  private CommonProperties() {}

  /**
   * @param ideName the {@code ide.name} option, or {@code null} to read the host's manifest
   * @param ideVersion the {@code ide.version} option, or {@code null} to read the host's manifest
   */
  public static Map<String, Object> detect(String ideName, String ideVersion) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("os", osName(System.getProperty("os.name", "")));
    properties.put("osVersion", System.getProperty("os.version", "unknown"));
    String[] host = ideName != null && ideVersion != null ? new String[] {ideName, ideVersion} : hostApplication();
    properties.put("ideName", ideName != null ? ideName : host[0]);
    properties.put("ideVersion", ideVersion != null ? ideVersion : host[1]);
    properties.put("extensionVersion", TrackedVersion.get());
    properties.put("$process_person_profile", false);
    properties.put("$geoip_disable", true);
    return Collections.unmodifiableMap(properties);
  }

  /** Node's {@code os.platform()} names, as Continue reports them. */
  static String osName(String javaOsName) {
    String name = javaOsName.toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return "win32";
    }
    if (name.startsWith("mac") || name.startsWith("darwin")) {
      return "darwin";
    }
    if (name.startsWith("linux")) {
      return "linux";
    }
    return name.isEmpty() ? "unknown" : name.replace(' ', '-');
  }

  /**
   * The host's name and version from its main jar's manifest ({@code Implementation-Title} and
   * {@code Implementation-Version}), read from the file so no host code runs. Launched from a class
   * path ({@code java -cp ... com.example.Main}) or a module, the manifest of the jar holding the main
   * class is read instead; with none (a class directory), the main class's name stands for the host.
   * Only titles and class names are used, never a path, which may contain the user's name.
   */
  static String[] hostApplication() {
    String command = System.getProperty("sun.java.command", "");
    String first = command.split(" ", 2)[0];
    if (first.isEmpty()) {
      return new String[] {"unknown", "unknown"};
    }
    if (first.endsWith(".jar")) {
      String[] fromJar = manifest(new File(first));
      return fromJar != null ? fromJar : new String[] {"unknown", "unknown"};
    }
    String mainClass = first.substring(first.indexOf('/') + 1); // module/class for -m launches
    String[] fromJar = manifest(jarOf(mainClass));
    if (fromJar != null && !fromJar[0].equals("unknown")) {
      return fromJar;
    }
    return new String[] {mainClass, fromJar != null ? fromJar[1] : "unknown"};
  }

  /** The jar that holds the class on the system class path, found as a resource (no class is loaded). */
  private static File jarOf(String className) {
    try {
      java.net.URL url = ClassLoader.getSystemResource(className.replace('.', '/') + ".class");
      if (url != null && url.getProtocol().equals("jar")) {
        String path = url.getPath(); // file:/x/app.jar!/com/example/Main.class
        return new File(new java.net.URI(path.substring(0, path.indexOf("!/"))));
      }
    } catch (Exception unreadable) {
      // no jar: a class directory
    }
    return null;
  }

  private static String[] manifest(File jarFile) {
    if (jarFile == null) {
      return null;
    }
    try (JarFile jar = new JarFile(jarFile)) {
      Manifest manifest = jar.getManifest();
      if (manifest != null) {
        Attributes main = manifest.getMainAttributes();
        String title = main.getValue(Attributes.Name.IMPLEMENTATION_TITLE);
        String version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        return new String[] {title != null ? title : "unknown", version != null ? version : "unknown"};
      }
    } catch (Exception unreadable) {
      // fall through to unknown
    }
    return null;
  }
}
