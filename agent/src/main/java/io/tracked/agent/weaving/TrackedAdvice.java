package io.tracked.agent.weaving;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code inlined around every tracked method. It is kept tiny and refers only to JDK types and the
 * bootstrap {@link TrackedBridge}, so it links in any class loader. On entry it asks the bridge
 * whether this call counts (capture on, hand-off not full, no call of the same event already running
 * on this thread): with consent off, or a full hand-off, that is one volatile read. The bridge's answer
 * (the thread's record of running events, or {@code null}) stays in a local of the woven method and
 * goes back to the bridge at exit, so the record is looked up once per call. Only a counted call that
 * will be reported, and that the hand-off still has room for ({@link TrackedBridge#hasRoom()}, the
 * same one read), reads {@code arguments}, which allocates the argument array: a full hand-off costs
 * the host no allocation. The exit runs on every end, normal or thrown, so the bridge's per-thread
 * record of running events is always unwound. Anything the advice throws is handed to
 * {@link TrackedBridge#adviceFailed} by the exception handler installed with the advice; the host
 * never sees it.
 */
public final class TrackedAdvice {

  /** Bound at weave time to the method's number in {@link MethodBindings}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface MethodId {}

  /** Bound at weave time to the number of the method's event name: nested calls of one event count once. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface EventKey {}

  private TrackedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@EventKey int eventKey) {
    return TrackedBridge.begin(eventKey);
  }

  /** A call that throws is not reported: the dispatcher would drop it anyway. */
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @MethodId int methodId,
      @Advice.Enter Object running,
      @Advice.AllArguments Object[] arguments,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown) {
    if (running != null) {
      boolean report = thrown == null && TrackedBridge.hasRoom();
      TrackedBridge.end(running, methodId, report, report ? arguments : null, report ? returned : null, null);
    }
  }

  /** For {@code @Tracked(onException = true)}: a call that throws is reported too. */
  public static final class OnException {

    private OnException() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@EventKey int eventKey) {
      return TrackedBridge.begin(eventKey);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @MethodId int methodId,
        @Advice.Enter Object running,
        @Advice.AllArguments Object[] arguments,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable thrown) {
      if (running != null) {
        boolean report = TrackedBridge.hasRoom();
        TrackedBridge.end(running, methodId, report, report ? arguments : null, report ? returned : null, thrown);
      }
    }
  }

  /** For a binding that reads fields of {@code this}: the receiver travels first in {@code arguments}. */
  public static final class WithSelf {

    private WithSelf() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@EventKey int eventKey) {
      return TrackedBridge.begin(eventKey);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @MethodId int methodId,
        @Advice.Enter Object running,
        @Advice.AllArguments(includeSelf = true) Object[] arguments,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable thrown) {
      if (running != null) {
        boolean report = thrown == null && TrackedBridge.hasRoom();
        TrackedBridge.end(running, methodId, report, report ? arguments : null, report ? returned : null, null);
      }
    }
  }

  /** {@link OnException} and {@link WithSelf} together. */
  public static final class WithSelfOnException {

    private WithSelfOnException() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@EventKey int eventKey) {
      return TrackedBridge.begin(eventKey);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @MethodId int methodId,
        @Advice.Enter Object running,
        @Advice.AllArguments(includeSelf = true) Object[] arguments,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable thrown) {
      if (running != null) {
        boolean report = TrackedBridge.hasRoom();
        TrackedBridge.end(running, methodId, report, report ? arguments : null, report ? returned : null, thrown);
      }
    }
  }
}
