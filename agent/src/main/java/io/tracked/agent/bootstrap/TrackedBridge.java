package io.tracked.agent.bootstrap;

/**
 * The one class that woven host code calls. It is injected into the bootstrap class loader, which
 * every class loader can reach, so advice inlined into a class of any loader (application, plugin,
 * OSGi bundle) links to the same copy. Its signatures use only JDK types; everything else the
 * agent is stays in the agent's own loader, behind {@link Sink}.
 *
 * <p>The advice first asks {@link #capturing()}: while the agent is not installed or consent is
 * known to be off, a tracked method pays for one volatile read and allocates nothing. Then it asks
 * {@link #hasRoom()}: while the agent's hand-off is full, it pays a few reads and a counter, and
 * still allocates nothing.
 */
public final class TrackedBridge {

  /** Receives what woven code reports. Implemented by the agent's dispatcher. */
  public interface Sink {
    /**
     * Whether a call can be taken now; when not, the sink counts it as dropped. Asked by the advice
     * before it builds the argument array, so a full hand-off costs the host no allocation.
     */
    default boolean hasRoom() {
      return true;
    }

    /** A completed call of a tracked method. */
    void onCall(int methodId, Object[] arguments, Object returned, Throwable thrown);

    /** The value that went through one of the host's {@code @TelemetrySwitch} methods. */
    void onSwitch(int switchId, Object value);
  }

  private static volatile Sink sink;
  private static volatile boolean capturing;

  private TrackedBridge() {}

  public static boolean capturing() {
    return capturing;
  }

  /** Whether the agent can take a call now (see {@link Sink#hasRoom()}); false without an agent. */
  public static boolean hasRoom() {
    try {
      Sink current = sink;
      return current != null && current.hasRoom();
    } catch (Throwable ignored) {
      return false;
    }
  }

  /**
   * Reported by a woven method as it returns {@code value} (null for void): the argument order suits
   * the code the start-up weaver appends (the value is on the stack first). Never throws.
   */
  public static void returned(Object value, int methodId, Object[] arguments) {
    try {
      call(methodId, arguments, value, null);
    } catch (Throwable ignored) {
      // the host never sees the agent
    }
  }

  /** Reported by a woven {@code onException} method as {@code thrown} leaves it. Never throws. */
  public static void thrown(Throwable thrown, int methodId, Object[] arguments) {
    try {
      call(methodId, arguments, null, thrown);
    } catch (Throwable ignored) {
      // the host never sees the agent
    }
  }

  /** {@link #reportSwitch} with the value first, as the start-up weaver's code has it. Never throws. */
  public static void reportSwitchValue(Object value, int switchId) {
    try {
      reportSwitch(switchId, value);
    } catch (Throwable ignored) {
      // the host never sees the agent
    }
  }

  public static void call(int methodId, Object[] arguments, Object returned, Throwable thrown) {
    Sink current = sink;
    if (current != null) {
      current.onCall(methodId, arguments, returned, thrown);
    }
  }

  /**
   * Reports the host's telemetry setting. Unlike {@link #call}, this runs whatever consent is: it is
   * how consent comes back on.
   */
  public static void reportSwitch(int switchId, Object value) {
    Sink current = sink;
    if (current != null) {
      current.onSwitch(switchId, value);
    }
  }

  public static synchronized void install(Sink newSink) {
    sink = newSink;
  }

  /** Whether an agent already runs in this JVM (e.g. started by -javaagent, then attached again). */
  public static boolean installed() {
    return sink != null;
  }

  /** Opens or closes the capture path; the consent gate calls this on every consent change. */
  public static void setCapturing(boolean on) {
    capturing = on;
  }
}
