package io.tracked.benchmarks;

/**
 * Absolute paths of this checkout, filled in by Maven resource filtering of
 * {@code src/main/java-templates} at build time.
 *
 * <p>Why generated: JMH takes a fork's JVM arguments from {@code @Fork(jvmArgsAppend = ...)}, which
 * must be compile-time constants, and a forked JVM inherits its working directory, not any setting
 * of the JMH process. A relative {@code -javaagent:agent/target/tracked-agent.jar} would only work
 * from the repository root; these constants work from anywhere, for the checkout that built the jar.
 * Paths must not contain ',' (it separates agent options).
 */
final class BenchmarkPaths {

  /** {@code agent/target/tracked-agent.jar}: the packaged agent, exactly as users get it. */
  static final String AGENT_JAR = "${tracked.bench.agentJar}";

  /**
   * Build-owned scratch directory ({@code agent/benchmarks/target/jmh-scratch}, removed by
   * {@code mvn clean}): one Continue directory per consent state, holding its {@code config.json},
   * outbox and anonymous id, so no benchmark ever reads or writes the real {@code ~/.continue}.
   */
  static final String SCRATCH = "${tracked.bench.scratch}";

  /** {@code agent/benchmarks/target/early-host.jar}: the benchmark hosts and the API, nothing else. */
  static final String EARLY_HOST_JAR = "${project.build.directory}/early-host.jar";

  static final String CONSENT_ON_DIR = SCRATCH + "/consent-on";
  static final String CONSENT_OFF_DIR = SCRATCH + "/consent-off";

  /** The agent with telemetry allowed; events go to a scratch outbox (no API key: no network). */
  static final String AGENT_CONSENT_ON = "-javaagent:" + AGENT_JAR
      + "=config=" + CONSENT_ON_DIR + "/config.json,outbox=" + CONSENT_ON_DIR + "/outbox.jsonl";

  /** The agent with {@code {"allowAnonymousTelemetry": false}} in its config.json. */
  static final String AGENT_CONSENT_OFF = "-javaagent:" + AGENT_JAR
      + "=config=" + CONSENT_OFF_DIR + "/config.json,outbox=" + CONSENT_OFF_DIR + "/outbox.jsonl";

  private BenchmarkPaths() {}
}
