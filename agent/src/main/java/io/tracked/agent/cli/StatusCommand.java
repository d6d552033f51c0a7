package io.tracked.agent.cli;

import io.tracked.agent.config.AgentOptions;
import io.tracked.agent.config.AgentSettings;
import io.tracked.agent.config.Option;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
import io.tracked.agent.consent.SwitchReading;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code status [--config PATH] [--methods SPEC JAR_OR_DIR...]}: whether telemetry is on and, for each
 * switch, its value and source; with {@code --methods}, which entries fire in the given classes.
 */
final class StatusCommand {

  private StatusCommand() {}

  static int run(String[] arguments, PrintStream out, PrintStream err) {
    String agentArguments = null;
    String methods = null;
    List<Path> roots = new ArrayList<>();
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i].equals("--config") && i + 1 < arguments.length) {
        agentArguments = Option.CONFIG.key() + "=" + arguments[++i];
      } else if (arguments[i].equals("--methods") && i + 1 < arguments.length) {
        methods = arguments[++i];
      } else if (methods != null && !arguments[i].startsWith("--")) {
        roots.add(Paths.get(arguments[i]));
      } else {
        throw new Cli.UsageException("status: unexpected argument '" + arguments[i]
            + "'. Usage: java -jar tracked-agent.jar status [--config PATH] [--methods SPEC JAR_OR_DIR...]");
      }
    }
    Map<String, String> environment = System.getenv();
    Properties properties = System.getProperties();
    AgentSettings settings = AgentSettings.of(AgentOptions.resolve(agentArguments, properties, environment),
        environment, System.getProperty("user.home"));
    ConsentGate gate = ConsentGate.forSettings(settings, environment, new HostSwitch());
    ConsentGate.State state = quietly(gate, err);

    out.println("telemetry: " + (state == ConsentGate.State.ON ? "enabled" : "disabled"));
    for (SwitchReading reading : gate.readings()) {
      if (reading.name().equals(HostSwitch.NAME)) {
        out.println("  " + reading.name() + ": known only inside the running application (its @TelemetrySwitch method)");
        continue;
      }
      out.println("  " + reading.name() + ": " + reading.value() + (reading.allows() ? "" : " (turns telemetry off)")
          + "  [from " + reading.source() + "]");
      if (reading.problem() != null) {
        out.println("    problem: " + reading.problem());
      }
    }
    out.println("destination: " + (settings.apiKey() == null
        ? "outbox " + settings.outboxFile() + " (no posthog.apiKey set)"
        : "PostHog at " + settings.host() + " (key from " + settings.options().sourceOf(Option.POSTHOG_API_KEY) + ")"));
    out.println("anonymous id: kept in " + settings.continueDirectory().resolve("telemetry"));
    for (String problem : settings.problems()) {
      out.println("  option problem: " + problem);
    }
    if (methods != null) {
      MethodsCheck.print(methods, roots, out);
    }
    return 0;
  }

  /** Reads the switches without the agent's own stderr reporting: status prints problems itself. */
  private static ConsentGate.State quietly(ConsentGate gate, PrintStream err) {
    PrintStream original = System.err;
    try {
      System.setErr(new PrintStream(java.io.OutputStream.nullOutputStream()));
      return gate.refresh();
    } finally {
      System.setErr(original);
    }
  }
}
