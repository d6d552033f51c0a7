package io.tracked.agent.weaving;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Weaving in the test JVM, as OpenTelemetry's and Elastic's tests do: Byte Buddy's agent attaches
 * to this process, our instrumentation is installed, and every call the advice reports is recorded.
 */
final class WovenCalls implements TrackedBridge.Sink, AutoCloseable {

  record Call(EventBinding binding, Object[] arguments, Object returned, Throwable thrown) {}

  record SwitchReport(String method, Object value) {}

  final MethodBindings bindings = new MethodBindings();
  final WeavingListener listener = new WeavingListener();
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<SwitchReport> switchReports = new CopyOnWriteArrayList<>();
  final List<String> declaredSwitches = new CopyOnWriteArrayList<>();
  private final Instrumentation instrumentation = ByteBuddyAgent.install();
  private final ResettableClassFileTransformer transformer;
  volatile RuntimeException failWith;

  WovenCalls(MethodsOption methods) {
    TrackedBridge.install(this);
    TrackedBridge.setCapturing(true);
    transformer = new TrackedInstrumentation(bindings, methods, listener, declaredSwitches::add).install(instrumentation);
  }

  @Override
  public void onCall(int methodId, Object[] arguments, Object returned, Throwable thrown) {
    if (failWith != null) {
      throw failWith;
    }
    calls.add(new Call(bindings.get(methodId), arguments, returned, thrown));
  }

  @Override
  public void onSwitch(int switchId, Object value) {
    switchReports.add(new SwitchReport(bindings.switchMethod(switchId), value));
  }

  Call only(String eventName) {
    List<Call> matching = calls.stream().filter(c -> c.binding().eventName().equals(eventName)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one " + eventName + " call, got " + calls);
    }
    return matching.get(0);
  }

  @Override
  public void close() {
    transformer.reset(instrumentation, net.bytebuddy.agent.builder.AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
    TrackedBridge.setCapturing(false);
    TrackedBridge.install(null);
  }
}
