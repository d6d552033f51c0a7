package io.tracked.agent.config;

import java.io.InputStream;
import java.util.Properties;

/** The agent's own version, from the properties file Maven fills in at build time. */
public final class TrackedVersion {

  private static final String VERSION = load();

  private TrackedVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = TrackedVersion.class.getResourceAsStream("/io/tracked/agent/agent.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (Exception unreadable) {
      return "unknown";
    }
  }
}
