package io.tracked.agent.weaving;

import io.tracked.agent.bootstrap.TrackedBridge;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code inlined at the end of a host's {@code @TelemetrySwitch} method: it hands the setting's
 * value to the agent as the host's own call returns. It reports whatever consent is, since this is
 * how consent comes back on, and, like all advice, it swallows anything it throws.
 */
public final class SwitchAdvice {

  private SwitchAdvice() {}

  /** For a method that reports the setting: {@code boolean telemetryEnabled()}. */
  public static final class FromReturn {

    private FromReturn() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@TrackedAdvice.MethodId int switchId,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object value) {
      TrackedBridge.reportSwitch(switchId, value);
    }
  }

  /** For a method that applies the setting: {@code void setTelemetryEnabled(boolean)}. */
  public static final class FromArgument {

    private FromArgument() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@TrackedAdvice.MethodId int switchId,
        @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object value) {
      TrackedBridge.reportSwitch(switchId, value);
    }
  }
}
