package io.tracked.benchmarks.emptyagent;

import java.lang.instrument.Instrumentation;

/**
 * The floor of every Java agent: a {@code premain} that returns at once. Whatever {@code -javaagent}
 * costs with it (the JVM gives up its archived module graph, loads the instrumentation machinery and
 * opens the jar) no agent can undercut. Packaged as {@code target/empty-agent.jar}.
 */
public final class EmptyAgent {

  private EmptyAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    // nothing: the measurement is what -javaagent costs before any agent code runs
  }
}
