package io.tracked.agent.bootstrap;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one class that woven host code calls. It is injected into the bootstrap class loader, which
 * every class loader can reach, so advice inlined into a class of any loader (application, plugin,
 * OSGi bundle) links to the same copy. Its signatures use only JDK types; everything else the
 * agent is stays in the agent's own loader, behind {@link Sink}.
 *
 * <p>The advice first asks {@link #begin(int)}, which reads one volatile word, the mode: while the
 * agent is not installed or consent is known to be off, a tracked method pays for that read and
 * allocates nothing. While the agent's hand-off is marked full ({@link #handoffFull}), the same read
 * and a per-thread counter are all a call costs: it is dropped before it looks at anything else, and
 * allocates nothing.
 *
 * <p>One call of the host is one event: {@link #begin(int)} refuses a tracked call nested in a call
 * of the same event on the same thread (an override calling {@code super}, an overload delegating to
 * another), so only the outermost is reported. It returns the thread's record of running events,
 * which the advice keeps in a local and hands back to {@link #end}: one {@link ThreadLocal} lookup
 * per call, not two. A call dropped at a full hand-off is not recorded as running, so a call of the
 * same event nested in it may be reported in its place.
 */
public final class TrackedBridge {

  /** Receives what woven code reports. Implemented by the agent's dispatcher. */
  public interface Sink {
    /**
     * A completed call of a tracked method. When the sink cannot take it (its hand-off is full) it
     * counts a drop and calls {@link #handoffFull}, so that the next calls are dropped before they
     * build anything.
     */
    void onCall(int methodId, Object[] arguments, Object returned, Throwable thrown);

    /** The value that went through one of the host's {@code @TelemetrySwitch} methods. */
    void onSwitch(int switchId, Object value);
  }

  /** Told of a {@link Throwable} that advice raised and swallowed, with the woven method's name. */
  public interface FailureListener {
    void onAdviceFailure(String method, Throwable failure);
  }

  /** Bits of {@link #MODE}: consent lets calls be captured; the sink's hand-off is full. */
  private static final int CAPTURING = 1;
  private static final int FULL = 2;

  /**
   * The advice's one volatile read. One word, so that "off" and "full" each cost a call the same one
   * read; its bits change by compare-and-set, so that the consent gate (CAPTURING) and the dispatcher
   * (FULL) never overwrite each other's decision.
   */
  private static final AtomicInteger MODE = new AtomicInteger();

  /**
   * Calls refused while the hand-off was marked full, counted where a flood costs least. Each thread
   * claims one of {@code STRIPE_OWNERS} once, by its id, with one compare-and-set (ids are never
   * reused, so a stripe stays with its first owner), and from then on counts in its own cache line of
   * {@code STRIPE_COUNTS} with a plain increment: no atomic instruction, no line shared with another
   * thread, and no {@code VarHandle} (slow while the host's code is still interpreted). A thread whose
   * stripe another thread owns counts in {@code SHARED_DROPS} instead.
   */
  private static final int STRIPES = 64;

  /** Longs per stripe in {@code STRIPE_COUNTS}: 64 bytes, one cache line. */
  private static final int STRIPE_LONGS = 8;

  private static final AtomicLong[] STRIPE_OWNERS = new AtomicLong[STRIPES];
  private static final long[] STRIPE_COUNTS = new long[STRIPES * STRIPE_LONGS];
  private static final LongAdder SHARED_DROPS = new LongAdder();

  static {
    for (int i = 0; i < STRIPES; i++) {
      STRIPE_OWNERS[i] = new AtomicLong();
    }
  }

  /**
   * Distinct events a thread can have running at once. A deeper call is not reported: it would take
   * 17 different tracked events, each called inside the previous one, to get there. Small, because
   * every thread that calls a tracked method keeps a record this size (88 bytes), and a host may run
   * a great many (virtual) threads.
   */
  static final int MAX_DEPTH = 16;

  /**
   * Per thread, the events whose tracked calls are in progress: {@code [depth, key1, key2, ...]}.
   * Never replaced once made, because the advice of running calls holds it. No lambda and no
   * subclass: either would need another class injected next to this one.
   */
  private static final ThreadLocal<int[]> RUNNING = new ThreadLocal<>();

  private static volatile Sink sink;
  private static volatile FailureListener failures;

  private TrackedBridge() {}

  /** Whether consent lets calls be captured (open, or held while unknown), full hand-off or not. */
  public static boolean capturing() {
    return (MODE.get() & CAPTURING) != 0;
  }

  /**
   * Called as a tracked method starts. Returns the thread's record of running events when this call
   * is to be reported as it ends (capture is on, the hand-off is not full, no call of the same event
   * is already running on this thread), {@code null} otherwise. Every non-null result must be handed
   * to one {@link #end}.
   */
  public static Object begin(int eventKey) {
    int mode = MODE.get();
    if (mode != CAPTURING) {
      if (mode == (CAPTURING | FULL)) {
        countDrop();
      }
      return null;
    }
    int[] running = RUNNING.get();
    if (running == null) {
      running = new int[MAX_DEPTH + 1];
      RUNNING.set(running);
    }
    return push(running, eventKey) ? running : null;
  }

  private static boolean push(int[] running, int eventKey) {
    int depth = running[0];
    for (int i = 1; i <= depth; i++) {
      if (running[i] == eventKey) {
        return false;
      }
    }
    if (depth == MAX_DEPTH) {
      return false;
    }
    running[depth + 1] = eventKey;
    running[0] = depth + 1;
    return true;
  }

  /**
   * Whether a call that {@link #begin} accepted may build its report now: capture still on and the
   * hand-off not full. Asked by the advice before it builds the argument array; a call refused here
   * because the hand-off filled meanwhile is counted as dropped.
   */
  public static boolean hasRoom() {
    int mode = MODE.get();
    if (mode == CAPTURING) {
      return true;
    }
    if (mode == (CAPTURING | FULL)) {
      countDrop();
    }
    return false;
  }

  /**
   * Called as a call that {@link #begin} accepted ends, normally or not, with what {@code begin}
   * returned; reports it when {@code report} is set.
   */
  public static void end(Object running, int methodId, boolean report, Object[] arguments, Object returned,
      Throwable thrown) {
    int[] record = (int[]) running;
    if (record[0] > 0) {
      record[0]--;
    }
    if (report) {
      call(methodId, arguments, returned, thrown);
    }
  }

  /**
   * The entry of classes woven by an earlier build of the agent, whose inlined advice may still be
   * loaded (from a weave cache, say): the same record and the same rules as {@link #begin}.
   */
  public static boolean enter(int eventKey) {
    return begin(eventKey) != null;
  }

  /** The exit matching {@link #enter(int)}: it looks the thread's record up itself. */
  public static void leave(int methodId, boolean report, Object[] arguments, Object returned, Throwable thrown) {
    int[] running = RUNNING.get();
    if (running != null) {
      end(running, methodId, report, arguments, returned, thrown);
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
    clear(FULL); // a new sink starts with room
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
    if (on) {
      set(CAPTURING);
    } else {
      clear(CAPTURING);
    }
  }

  /**
   * The installed sink's hand-off is full: from now on calls are dropped (and counted) as they
   * begin, until {@link #handoffDrained}. Ignored from a sink that is not the installed one.
   */
  public static void handoffFull(Sink from) {
    if (from == sink) {
      set(FULL);
    }
  }

  /** The installed sink's hand-off has room again: calls are taken as they begin. */
  public static void handoffDrained(Sink from) {
    if (from == sink) {
      clear(FULL);
    }
  }

  /** Whether calls are being dropped as they begin because the hand-off is full. */
  public static boolean handoffMarkedFull() {
    return (MODE.get() & FULL) != 0;
  }

  private static void countDrop() {
    long owner = Thread.currentThread().getId() + 1;
    int stripe = (int) owner & (STRIPES - 1);
    AtomicLong claim = STRIPE_OWNERS[stripe];
    long claimed = claim.get();
    if (claimed == owner || (claimed == 0 && claim.compareAndSet(0, owner))) {
      STRIPE_COUNTS[stripe * STRIPE_LONGS]++; // only the owner writes here: nothing is lost
    } else {
      SHARED_DROPS.increment();
    }
  }

  /**
   * Calls this bridge dropped (hand-off marked full) since the JVM started. The stripes are read
   * plainly, so the sum may miss the last increments of a thread still dropping; the agent reads it
   * again later (and at exit), so those are reported then.
   */
  public static long droppedWhileFull() {
    long sum = SHARED_DROPS.sum();
    for (int stripe = 0; stripe < STRIPES; stripe++) {
      sum += STRIPE_COUNTS[stripe * STRIPE_LONGS];
    }
    return sum;
  }

  private static void set(int bit) {
    int mode;
    do {
      mode = MODE.get();
    } while ((mode & bit) == 0 && !MODE.compareAndSet(mode, mode | bit));
  }

  private static void clear(int bit) {
    int mode;
    do {
      mode = MODE.get();
    } while ((mode & bit) != 0 && !MODE.compareAndSet(mode, mode & ~bit));
  }
}
