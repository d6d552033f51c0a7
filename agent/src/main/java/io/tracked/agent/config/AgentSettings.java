package io.tracked.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options turned into typed settings with the contract's defaults. Every malformed value is
 * reported (see {@link #problems()}) and replaced by a safe choice, never thrown at the host.
 */
public final class AgentSettings {

  public static final String DEFAULT_HOST = "https://us.i.posthog.com";

  private final AgentOptions options;
  private final String apiKey;
  private final URI host;
  private final Path continueDirectory;
  private final Path configFile;
  private final Path outboxFile;
  private final boolean debug;
  private final MethodsOption methods;
  private final List<String> problems;

  private AgentSettings(AgentOptions options, Map<String, String> environment, String userHome) {
    this.options = options;
    List<String> found = new ArrayList<>(options.problems());
    this.debug = options.getBoolean(Option.DEBUG, false, found);
    this.methods = MethodsOption.parse(options.get(Option.METHODS), found);

    String configuredConfig = options.get(Option.CONFIG);
    String continueGlobalDir = environment.get("CONTINUE_GLOBAL_DIR");
    if (configuredConfig != null) {
      this.configFile = expandHome(configuredConfig, userHome);
      Path parent = configFile.getParent();
      this.continueDirectory = parent != null ? parent : Paths.get(".").toAbsolutePath();
    } else if (continueGlobalDir != null && !continueGlobalDir.isBlank()) {
      this.continueDirectory = expandHome(continueGlobalDir.trim(), userHome);
      this.configFile = continueDirectory.resolve("config.json");
    } else {
      this.continueDirectory = Paths.get(userHome, ".continue");
      this.configFile = continueDirectory.resolve("config.json");
    }
    String outbox = options.get(Option.OUTBOX);
    this.outboxFile = outbox != null
        ? expandHome(outbox, userHome)
        : Paths.get(userHome, ".continue", "telemetry", "outbox.jsonl");

    String key = options.get(Option.POSTHOG_API_KEY);
    URI parsedHost = parseHost(options.get(Option.POSTHOG_HOST), found);
    if (key != null && parsedHost == null) {
      key = null; // an unusable host must not send a real key somewhere unintended
    }
    this.apiKey = key;
    this.host = parsedHost;
    this.problems = found;
  }

  public static AgentSettings fromProcess(String agentArguments) {
    return of(AgentOptions.fromProcess(agentArguments), System.getenv(), System.getProperty("user.home"));
  }

  public static AgentSettings of(AgentOptions options, Map<String, String> environment, String userHome) {
    return new AgentSettings(options, environment, userHome);
  }

  private URI parseHost(String value, List<String> found) {
    String text = value == null ? DEFAULT_HOST : value;
    try {
      URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
        return uri;
      }
    } catch (Exception malformed) {
      // reported below
    }
    found.add("posthog.host='" + text + "' (" + options.sourceOf(Option.POSTHOG_HOST)
        + ") is not an http(s) URL; events go to the outbox instead. Fix: e.g. posthog.host=https://eu.i.posthog.com");
    return null;
  }

  private static Path expandHome(String path, String userHome) {
    if (path.equals("~")) {
      return Paths.get(userHome);
    }
    if (path.startsWith("~/") || path.startsWith("~\\")) {
      return Paths.get(userHome, path.substring(2));
    }
    return Paths.get(path).toAbsolutePath();
  }

  public AgentOptions options() {
    return options;
  }

  /** The PostHog project key, or {@code null}: then events go to the outbox. */
  public String apiKey() {
    return apiKey;
  }

  public URI host() {
    return host;
  }

  public Path continueDirectory() {
    return continueDirectory;
  }

  public Path configFile() {
    return configFile;
  }

  public Path outboxFile() {
    return outboxFile;
  }

  public boolean debug() {
    return debug;
  }

  public MethodsOption methods() {
    return methods;
  }

  public List<String> problems() {
    return problems;
  }

  /** The host application's name for {@code ideName}, or {@code null} to read it from its manifest. */
  public String ideName() {
    return options.get(Option.IDE_NAME);
  }

  /** The host application's version for {@code ideVersion}, or {@code null} to read it from its manifest. */
  public String ideVersion() {
    return options.get(Option.IDE_VERSION);
  }
}
