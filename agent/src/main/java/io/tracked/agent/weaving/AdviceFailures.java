package io.tracked.agent.weaving;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.log.AgentLog;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What advice throws is a bug in the agent: instead of vanishing (which looks like "no events"), it
 * is counted and reported once per woven method, naming the method. The advice's exception handler
 * (built by {@link AdviceFailureHandler}) calls {@link TrackedBridge#adviceFailed} with the throwable and the
 * method's name compiled in as a constant; the bridge hands both here. No Byte Buddy type appears
 * here: woven bytes from the weave cache report their failures without Byte Buddy.
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
}
