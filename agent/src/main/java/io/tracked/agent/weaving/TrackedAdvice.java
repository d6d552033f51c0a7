package io.tracked.agent.weaving;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code inlined at the end of every tracked method. It is kept tiny and refers only to JDK types
 * and the bootstrap {@link TrackedBridge}, so it links in any class loader. Reading
 * {@code arguments} allocates the argument array (and boxes), so it happens only while capture is on
 * and the agent has room for the call: a full hand-off costs no allocation. Any
 * {@link Throwable} raised here is swallowed: the host never sees the agent.
 */
public final class TrackedAdvice {

  /** Bound at weave time to the method's number in {@link MethodBindings}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.PARAMETER)
  public @interface MethodId {}

  private TrackedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @MethodId int methodId,
      @Advice.AllArguments Object[] arguments,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned) {
    if (TrackedBridge.capturing() && TrackedBridge.hasRoom()) {
      TrackedBridge.call(methodId, arguments, returned, null);
    }
  }

  /** For {@code @Tracked(onException = true)}: also runs when the method throws. */
  public static final class OnException {

    private OnException() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @MethodId int methodId,
        @Advice.AllArguments Object[] arguments,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
        @Advice.Thrown Throwable thrown) {
      if (TrackedBridge.capturing() && TrackedBridge.hasRoom()) {
        TrackedBridge.call(methodId, arguments, returned, thrown);
      }
    }
  }
}
