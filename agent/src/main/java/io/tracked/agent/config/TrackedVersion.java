package io.tracked.agent.config;

import java.io.InputStream;
import java.util.Properties;

/** The agent's own version and build, from the properties file Maven fills in at build time. */
public final class TrackedVersion {

  private static final Properties PROPERTIES = load();
  private static final String VERSION = PROPERTIES.getProperty("version", "unknown");

  private TrackedVersion() {}

  public static String get() {
    return VERSION;
  }

  /**
   * What tells one build from another even when the version stays (a SNAPSHOT rebuilt): the time of
   * the build, to the millisecond. Woven bytes kept by the weave cache are valid for one build only.
   */
  public static String build() {
    return PROPERTIES.getProperty("build", "unknown");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = TrackedVersion.class.getResourceAsStream("/io/tracked/agent/agent.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (java.io.IOException | RuntimeException unreadable) {
      // "unknown" below
    }
    return properties;
  }
}
