package io.tracked.agent.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;

/** {@code java -jar tracked-agent.jar <command>}: dispatches to one class per command. */
public final class Cli {

  static final String USAGE = String.join("\n",
      "usage: java -jar tracked-agent.jar <command>",
      "  status [--config PATH] [--methods SPEC JAR_OR_DIR...]",
      "                                         whether telemetry is on, and why; which methods entries fire",
      "  catalog [--format json|markdown] [--methods SPEC] JAR_OR_DIR...",
      "                                         every tracked method and the properties it sends",
      "  attach PID [key=value,...]             load the agent into a running JVM",
      "  sanitize                               JSON lines {\"name\",\"value\"} on stdin -> what would be sent");

  private Cli() {}

  public static int run(String[] arguments, PrintStream out, PrintStream err, InputStream in) {
    if (arguments.length == 0) {
      err.println(USAGE);
      return 2;
    }
    String[] rest = Arrays.copyOfRange(arguments, 1, arguments.length);
    try {
      switch (arguments[0]) {
        case "status":
          return StatusCommand.run(rest, out, err);
        case "catalog":
          return CatalogCommand.run(rest, out, err);
        case "attach":
          return AttachCommand.run(rest, out, err);
        case "sanitize":
          return SanitizeCommand.run(rest, in, out, err);
        case "help":
        case "--help":
        case "-h":
          out.println(USAGE);
          return 0;
        default:
          err.println("unknown command '" + arguments[0] + "'");
          err.println(USAGE);
          return 2;
      }
    } catch (UsageException usage) {
      err.println(usage.getMessage());
      return 2;
    }
  }

  /** A command-line mistake: reported as one line, exit status 2. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
