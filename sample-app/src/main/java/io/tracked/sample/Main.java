package io.tracked.sample;

import io.tracked.sample.settings.TelemetrySettings;
import java.io.PrintStream;

/**
 * Runs the sample editor headless: {@code java -jar sample-app.jar [--sessions N] [--pace-ms MS]}.
 * Exit status 0 after the sessions, 2 for a bad command line.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.out, System.err, TelemetrySettings.forCurrentUser(System.err));
    // Only a failure ends the JVM by force; otherwise it ends the ordinary way, once main returns.
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err, TelemetrySettings settings) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      err.println("sample-app: " + e.getMessage());
      return 2;
    }
    if (options.help()) {
      out.println("usage: " + Options.USAGE);
      out.println("Runs N scripted editing sessions (default 1), waiting MS milliseconds between user");
      out.println("actions (default 0). Telemetry switch: " + settings.file());
      return 0;
    }
    long start = System.nanoTime();
    int actions = 0;
    for (int number = 1; number <= options.sessions(); number++) {
      SessionSummary summary = new EditingSession(number, options.paceMs(), settings).run();
      out.println(summary.render());
      actions += summary.actions();
    }
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    out.println("Done: " + options.sessions() + (options.sessions() == 1 ? " session, " : " sessions, ")
        + actions + " user actions in " + elapsedMs + " ms.");
    return 0;
  }
}
