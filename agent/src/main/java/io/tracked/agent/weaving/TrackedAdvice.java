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
 * whether this call counts (capture on, no call of the same event already running on this thread):
 * with consent off that is one volatile read. Only a counted call reads {@code arguments}, which
 * allocates the argument array. The exit runs on every end, normal or thrown, so the bridge's
 * per-thread record of running events is always unwound. Anything the advice throws is handed to
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
  static boolean enter(@EventKey int eventKey) {
    return TrackedBridge.enter(eventKey);
  }

  /** A call that throws is not reported: the dispatcher would drop it anyway. */
  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @MethodId int methodId,
      @Advice.Enter boolean counted,
      @Advice.AllArguments Object[] arguments,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable thrown) {
    if (counted) {
      TrackedBridge.leave(methodId, thrown == null, arguments, returned, null);
    }
  }

  /** For {@code @Tracked(onException = true)}: a call that throws is reported too. */
  public static final class OnException {

    private OnException() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@EventKey int eventKey) {
      return TrackedBridge.enter(eventKey);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @MethodId int methodId,
        @Advice.Enter boolean counted,
        @Advice.AllArguments Object[] arguments,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable thrown) {
      if (counted) {
        TrackedBridge.leave(methodId, true, arguments, returned, thrown);
      }
    }
  }

  /** For a binding that reads fields of {@code this}: the receiver travels first in {@code arguments}. */
  public static final class WithSelf {

    private WithSelf() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@EventKey int eventKey) {
      return TrackedBridge.enter(eventKey);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @MethodId int methodId,
        @Advice.Enter boolean counted,
        @Advice.AllArguments(includeSelf = true) Object[] arguments,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable thrown) {
      if (counted) {
        TrackedBridge.leave(methodId, thrown == null, arguments, returned, null);
      }
    }
  }

  /** {@link OnException} and {@link WithSelf} together. */
  public static final class WithSelfOnException {

    private WithSelfOnException() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@EventKey int eventKey) {
      return TrackedBridge.enter(eventKey);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @MethodId int methodId,
        @Advice.Enter boolean counted,
        @Advice.AllArguments(includeSelf = true) Object[] arguments,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable thrown) {
      if (counted) {
        TrackedBridge.leave(methodId, true, arguments, returned, thrown);
      }
    }
  }
}
