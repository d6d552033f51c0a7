package io.tracked.agent.weaving;

import io.tracked.agent.bootstrap.TrackedBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.StackManipulation;
import net.bytebuddy.implementation.bytecode.constant.TextConstant;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;

/**
 * The exception handler Byte Buddy inlines where advice would otherwise drop its throwable: it calls
 * {@link TrackedBridge#adviceFailed} with the woven method's name compiled in, which reaches
 * {@link AdviceFailures}. Kept apart from {@link AdviceFailures} so that counting failures loads no
 * Byte Buddy class.
 */
final class AdviceFailureHandler {

  private AdviceFailureHandler() {}

  static Advice.ExceptionHandler create() {
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
