package io.tracked.agent.weaving;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.log.AgentLog;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.constant.TextConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;

/**
 * What advice throws is a bug in the agent: instead of vanishing (which looks like "no events"), it
 * is counted and reported once per woven method, naming the method. The advice's exception handler
 * (built by {@link #handler()}) calls {@link TrackedBridge#adviceFailed} with the throwable and the
 * method's name compiled in as a constant; the bridge hands both here.
 */
final class AdviceFailures implements TrackedBridge.FailureListener {

  private final AtomicLong count = new AtomicLong();

  @Override
  public void onAdviceFailure(String method, Throwable failure) {
    count.incrementAndGet();
    AgentLog.once("advice-failed:" + method, "an internal error in the agent was caught in the advice of " + method
        + " (" + failure.getClass().getName() + "); that call is not recorded and the application is unaffected."
        + " Fix: report this line to the Tracked maintainers");
  }

  long count() {
    return count.get();
  }

  /** The handler Byte Buddy inlines where advice would otherwise drop its throwable (on the stack). */
  static Advice.ExceptionHandler handler() {
    MethodDescription report;
    try {
      report = new MethodDescription.ForLoadedMethod(
          TrackedBridge.class.getMethod("adviceFailed", Throwable.class, String.class));
    } catch (NoSuchMethodException impossible) {
      throw new IllegalStateException(impossible);
    }
    return (instrumentedMethod, instrumentedType) -> new StackManipulation.Compound(
        new TextConstant(instrumentedType.getName() + "#" + instrumentedMethod.getName()),
        MethodInvocation.invoke(report));
  }
}
