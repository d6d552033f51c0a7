package io.tracked.agent.config;

import java.util.Locale;

/** The options of the contract, each with the names it is known by in every source. */
public enum Option {
  POSTHOG_API_KEY("posthog.apiKey"),
  POSTHOG_HOST("posthog.host"),
  CONFIG("config"),
  OUTBOX("outbox"),
  DEBUG("debug"),
  METHODS("methods"),
  IDE_NAME("ide.name"),
  IDE_VERSION("ide.version");

  private final String key;

  Option(String key) {
    this.key = key;
  }

  /** The name in agent arguments, e.g. {@code posthog.apiKey}. */
  public String key() {
    return key;
  }

  /** The system property, e.g. {@code tracked.posthog.apiKey}. */
  public String systemProperty() {
    return "tracked." + key;
  }

  /** The environment variable, e.g. {@code TRACKED_POSTHOG_APIKEY}. */
  public String environmentVariable() {
    return "TRACKED_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** Finds an option by its agent-argument or system-property name, ignoring case. */
  public static Option byKey(String key) {
    for (Option option : values()) {
      if (option.key.equalsIgnoreCase(key)) {
        return option;
      }
    }
    return null;
  }

  /**
   * The same variable with camel-case words separated, e.g. {@code TRACKED_POSTHOG_API_KEY}: what
   * users tend to type, accepted as well.
   */
  String spelledOutEnvironmentVariable() {
    return "TRACKED_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** Finds an option by its environment variable name (either spelling). */
  public static Option byEnvironmentVariable(String name) {
    for (Option option : values()) {
      if (option.environmentVariable().equals(name) || option.spelledOutEnvironmentVariable().equals(name)) {
        return option;
      }
    }
    return null;
  }

  public static String knownKeys() {
    StringBuilder keys = new StringBuilder();
    for (Option option : values()) {
      if (keys.length() > 0) {
        keys.append(", ");
      }
      keys.append(option.key);
    }
    return keys.toString();
  }
}
