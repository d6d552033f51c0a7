package io.tracked.agent.delivery;

import com.posthog.java.PostHogLogger;
import io.tracked.agent.log.AgentLog;

/**
 * posthog-java's logging, routed to the agent's own voice: its chatter only in debug mode, its
 * errors once each on stderr. Without it the client would log through java.util.logging of the host.
 */
final class AgentPostHogLogger implements PostHogLogger {

  @Override
  public void debug(String message) {
    AgentLog.debug("posthog-java: " + message);
  }

  @Override
  public void info(String message) {
    AgentLog.debug("posthog-java: " + message);
  }

  @Override
  public void warn(String message) {
    AgentLog.once("posthog-java:" + message, "posthog-java: " + message);
  }

  @Override
  public void error(String message) {
    AgentLog.once("posthog-java:" + message, "posthog-java: " + message);
  }

  @Override
  public void error(String message, Throwable error) {
    AgentLog.once("posthog-java:" + message, "posthog-java: " + message + " (" + error + ")");
  }
}
