package io.tracked.agent.weaving;

import io.tracked.agent.log.AgentLog;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/**
 * Reports, once per class, a class the agent could not transform. Such a
 * class simply runs unmodified: a weaving failure costs the host its events, never its behaviour.
 */
public final class WeavingListener extends AgentBuilder.Listener.Adapter {

  private final AtomicInteger failed = new AtomicInteger();

  @Override
  public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
    failed.incrementAndGet();
    AgentLog.once("weave-error:" + typeName, "could not instrument " + typeName + " (" + error
        + "); it runs unchanged and its events are not recorded. Fix: track a smaller method (a method near the"
        + " 64 KB bytecode limit cannot take the advice), or report this error if the class is otherwise ordinary");
  }

  public int failed() {
    return failed.get();
  }
}
