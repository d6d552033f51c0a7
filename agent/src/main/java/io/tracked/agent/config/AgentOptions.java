package io.tracked.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The agent's settings, resolved once at start from three sources in the contract's order: agent
 * arguments, then {@code -Dtracked.*} system properties, then {@code TRACKED_*} environment
 * variables. Problems are collected as one-line messages instead of thrown, because a typo in an
 * option must never stop the host.
 */
public final class AgentOptions {

  private final Map<Option, String> values;
  private final Map<Option, String> sources;
  private final List<String> problems;

  private AgentOptions(Map<Option, String> values, Map<Option, String> sources, List<String> problems) {
    this.values = values;
    this.sources = sources;
    this.problems = problems;
  }

  public static AgentOptions fromProcess(String agentArguments) {
    return resolve(agentArguments, System.getProperties(), System.getenv());
  }

  public static AgentOptions resolve(String agentArguments, Properties systemProperties,
      Map<String, String> environment) {
    Map<Option, String> values = new EnumMap<>(Option.class);
    Map<Option, String> sources = new EnumMap<>(Option.class);
    List<String> problems = new ArrayList<>();

    for (Map.Entry<String, String> argument : AgentArguments.parse(agentArguments, problems).entrySet()) {
      Option option = Option.byKey(argument.getKey());
      if (option == null) {
        problems
            .add("unknown agent argument '" + argument.getKey() + "' ignored; known options: " + Option.knownKeys());
      } else if (values.containsKey(option)) {
        // the same option spelled in another case (keys are matched ignoring case)
        problems.add("agent argument '" + argument.getKey() + "' given twice; the first value is used");
      } else {
        values.put(option, argument.getValue());
        sources.put(option, "agent argument " + option.key());
      }
    }
    for (String name : systemProperties.stringPropertyNames()) {
      if (!name.startsWith("tracked.")) {
        continue;
      }
      Option option = Option.byKey(name.substring("tracked.".length()));
      if (option == null) {
        problems.add("unknown system property -D" + name + " ignored; known options: " + Option.knownKeys());
      } else if (!values.containsKey(option)) {
        values.put(option, systemProperties.getProperty(name));
        sources.put(option, "system property -D" + option.systemProperty());
      }
    }
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      if (!variable.getKey().startsWith("TRACKED_")) {
        continue;
      }
      Option option = Option.byEnvironmentVariable(variable.getKey());
      if (option == null) {
        problems.add("unknown environment variable " + variable.getKey() + " ignored; known variables: "
            + knownEnvironmentVariables());
      } else if (!values.containsKey(option)) {
        values.put(option, variable.getValue());
        sources.put(option, "environment " + variable.getKey());
      }
    }
    // PostHog's own variable, as its SDKs read it, after every source of ours.
    String posthogKey = environment.get("POSTHOG_API_KEY");
    if (!values.containsKey(Option.POSTHOG_API_KEY) && posthogKey != null && !posthogKey.isBlank()) {
      values.put(Option.POSTHOG_API_KEY, posthogKey);
      sources.put(Option.POSTHOG_API_KEY, "environment POSTHOG_API_KEY");
    }
    return new AgentOptions(values, sources, problems);
  }

  private static String knownEnvironmentVariables() {
    StringBuilder names = new StringBuilder();
    for (Option option : Option.values()) {
      names.append(names.length() > 0 ? ", " : "").append(option.environmentVariable());
    }
    return names.append(", POSTHOG_API_KEY").toString();
  }

  /** The raw value, trimmed, or {@code null} when no source sets it. */
  public String get(Option option) {
    String value = values.get(option);
    if (value == null) {
      return null;
    }
    String trimmed = value.trim();
    return trimmed.isEmpty() ? null : trimmed;
  }

  /** Where the value came from, for {@code status} and error messages. */
  public String sourceOf(Option option) {
    return sources.getOrDefault(option, "default");
  }

  /** Reads a boolean option; a malformed value is reported and the default used. */
  public boolean getBoolean(Option option, boolean defaultValue, List<String> problemSink) {
    String value = get(option);
    if (value == null) {
      return defaultValue;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    problemSink.add(option.key() + "='" + value + "' (" + sourceOf(option) + ") is not true or false; using "
        + defaultValue + ". Fix: set it to true or false");
    return defaultValue;
  }

  public List<String> problems() {
    return Collections.unmodifiableList(problems);
  }
}
