package io.tracked.agent.bootstrap;

/**
 * The one class that woven host code calls. It is injected into the bootstrap class loader, which
 * every class loader can reach, so advice inlined into a class of any loader (application, plugin,
 * OSGi bundle) links to the same copy. Its signatures use only JDK types; everything else the
 * agent is stays in the agent's own loader, behind {@link Sink}.
 *
 * <p>The advice first asks {@link #enter(int)}: while the agent is not installed or consent is
 * known to be off, a tracked method pays for one volatile read and allocates nothing.
 *
 * <p>One call of the host is one event: {@link #enter(int)} refuses a tracked call nested in a call
 * of the same event on the same thread (an override calling {@code super}, an overload delegating to
 * another), so only the outermost is reported.
 */
public final class TrackedBridge {

  /** Receives what woven code reports. Implemented by the agent's dispatcher. */
  public interface Sink {
    /** A completed call of a tracked method. */
    void onCall(int methodId, Object[] arguments, Object returned, Throwable thrown);

    /** The value that went through one of the host's {@code @TelemetrySwitch} methods. */
    void onSwitch(int switchId, Object value);
  }

  /** Told of a {@link Throwable} that advice raised and swallowed, with the woven method's name. */
  public interface FailureListener {
    void onAdviceFailure(String method, Throwable failure);
  }

  private static volatile Sink sink;
  private static volatile FailureListener failures;
  private static volatile boolean capturing;

  /**
   * Per thread, the events whose tracked calls are in progress: {@code [depth, key1, key2, ...]}.
   * No lambda and no subclass: either would need another class injected next to this one.
   */
  private static final ThreadLocal<int[]> ACTIVE = new ThreadLocal<>();

  private TrackedBridge() {}

  public static boolean capturing() {
    return capturing;
  }

  /**
   * Called as a tracked method starts. Returns whether this call is to be reported when it ends:
   * capture is on and no call of the same event is already in progress on this thread. Every
   * {@code true} must be followed by one {@link #leave}.
   */
  public static boolean enter(int eventKey) {
    if (!capturing) {
      return false;
    }
    int[] active = ACTIVE.get();
    if (active == null) {
      active = new int[8];
      ACTIVE.set(active);
    }
    int depth = active[0];
    for (int i = 1; i <= depth; i++) {
      if (active[i] == eventKey) {
        return false;
      }
    }
    if (depth + 1 == active.length) {
      active = java.util.Arrays.copyOf(active, active.length * 2);
      ACTIVE.set(active);
    }
    active[depth + 1] = eventKey;
    active[0] = depth + 1;
    return true;
  }

  /**
   * Called as a call that {@link #enter} accepted ends, normally or not; reports it when
   * {@code report} is set.
   */
  public static void leave(int methodId, boolean report, Object[] arguments, Object returned, Throwable thrown) {
    int[] active = ACTIVE.get();
    if (active != null && active[0] > 0) {
      active[0]--;
    }
    if (report) {
      call(methodId, arguments, returned, thrown);
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

  /**
   * Where advice hands what it threw instead of losing it; called from the advice's exception
   * handler, so it must itself never throw.
   */
  public static void adviceFailed(Throwable failure, String method) {
    try {
      FailureListener current = failures;
      if (current != null) {
        current.onAdviceFailure(method, failure);
      }
    } catch (Throwable ignored) {
      // The host must never see the agent, even when its failure report fails.
    }
  }

  public static synchronized void install(Sink newSink) {
    sink = newSink;
  }

  public static void installFailureListener(FailureListener listener) {
    failures = listener;
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
