package io.tracked.benchmarks.plainagent;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** The same inline exit advice as Tracked's: a volatile check, then the arguments handed over. */
public final class PlainAdvice {

  private PlainAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.AllArguments Object[] arguments,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned) {
    if (PlainSink.capturing) {
      PlainSink.call(arguments, returned);
    }
  }
}
