package io.tracked.agent.log;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's only voice: one-line messages on stderr, prefixed so users can tell them from the
 * host's. The host's stdout is never touched. Problems that could repeat (a server that stays down,
 * a class that cannot be woven) are reported once per key so a failing agent never floods the log.
 */
public final class AgentLog {

  private static final String PREFIX = "[tracked] ";
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
  private static volatile boolean debug;
  // Captured at class init: a host that later swaps System.err still gets our lines where they began.
  private static final PrintStream ERR = System.err;

  private AgentLog() {}

  public static void setDebug(boolean enabled) {
    debug = enabled;
  }

  public static boolean debugEnabled() {
    return debug;
  }

  public static void info(String message) {
    ERR.println(PREFIX + message);
  }

  /** Prints the message the first time {@code key} is seen, and never again in this process. */
  public static void once(String key, String message) {
    if (REPORTED.add(key)) {
      info(message);
    }
  }

  /** Forgets that {@code key} was reported, so the next occurrence of a cleared problem is shown. */
  public static void clear(String key) {
    REPORTED.remove(key);
  }

  public static void debug(String message) {
    if (debug) {
      info(message);
    }
  }
}
