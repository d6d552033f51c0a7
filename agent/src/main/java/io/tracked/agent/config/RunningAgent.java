package io.tracked.agent.config;

/**
 * The system property a running agent sets in its host, so that {@code attach} can say "already
 * running" instead of loading the agent a second time. Its value says how the agent was started.
 */
public final class RunningAgent {

  public static final String PROPERTY = "tracked.agent.running";

  private RunningAgent() {}
}
