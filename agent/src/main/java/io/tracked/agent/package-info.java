/**
 * The entry points and the wiring. {@link io.tracked.agent.TrackedAgent} is what the JVM calls
 * ({@code premain}, {@code agentmain}, {@code main}); {@code AgentStarter} builds every stage in the
 * order data flows and starts the agent's threads. The top layer: it may use every package below, and
 * no package may use it.
 */
package io.tracked.agent;
