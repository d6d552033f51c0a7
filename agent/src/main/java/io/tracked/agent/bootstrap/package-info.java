/**
 * The bridge injected into the bootstrap class loader, so advice woven into classes of any loader
 * reaches the agent. JDK types only: it may use nothing of the agent (and nothing else may be
 * added here: only the classes listed in {@code BootstrapInjector} are injected).
 */
package io.tracked.agent.bootstrap;
