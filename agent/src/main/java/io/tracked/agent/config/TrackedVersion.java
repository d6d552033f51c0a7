package io.tracked.agent.config;

import java.io.InputStream;
import java.util.Properties;

/**
 * The agent's own version: from the agent jar's manifest ({@code Implementation-Version}), which the
 * class loader has already read to define this package, so the host's start-up pays no resource
 * lookup for it; from the properties file Maven fills in when the classes run outside the jar (tests).
 */
public final class TrackedVersion {

  private static final String VERSION = load();

  private TrackedVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    Package own = TrackedVersion.class.getPackage();
    String fromManifest = own == null ? null : own.getImplementationVersion();
    if (fromManifest != null && !fromManifest.isBlank()) {
      return fromManifest;
    }
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
