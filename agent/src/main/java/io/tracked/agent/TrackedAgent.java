package io.tracked.agent;

import io.tracked.agent.weaving.BootstrapInjector;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * The agent's entry points: {@code premain} for {@code -javaagent}, {@code agentmain} for
 * {@code attach}, and {@code main} for the command-line tool. Before anything else it puts the
 * bridge into the bootstrap loader; nothing here may throw into the host, whatever goes wrong.
 */
public final class TrackedAgent {

  /** Spelled out: naming the class would load it here before it is injected into the bootstrap loader. */
  private static final String BRIDGE = "io.tracked.agent.bootstrap.TrackedBridge";

  private TrackedAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, false);
  }

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    start(arguments, instrumentation, true);
  }

  public static void main(String[] arguments) {
    System.exit(io.tracked.agent.cli.Cli.run(arguments, System.out, System.err, System.in));
  }

  /** Whether an earlier start put the bridge into the bootstrap loader; asks without defining anything. */
  private static boolean bridgeInBootstrap() {
    try {
      Class.forName(BRIDGE, false, null);
      return true;
    } catch (ClassNotFoundException absent) {
      return false;
    }
  }

  private static boolean bridgeInstalled() throws ReflectiveOperationException {
    return (Boolean) Class.forName(BRIDGE, false, null).getMethod("installed").invoke(null);
  }

  private static void start(String arguments, Instrumentation instrumentation, boolean attached) {
    try {
      // Byte Buddy's safe mode keeps it off sun.misc.Unsafe, which JDK 24+ warns about on stderr.
      // The property name is relocated with Byte Buddy, so it cannot affect a host's own copy.
      System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
      if (bridgeInBootstrap()) {
        if (bridgeInstalled()) {
          // A second attach, or an attach to a host started with -javaagent: nothing to do, nothing false to say.
          System.err.println("[tracked] already running in this JVM; this " + (attached ? "attach" : "start")
              + " changes nothing");
          return;
        }
      } else {
        BootstrapInjector.inject(instrumentation);
      }
      // Loaded only now, so every class it touches resolves the bridge from the bootstrap loader.
      AgentStarter.start(arguments, instrumentation, attached);
    } catch (Throwable failure) {
      System.err.println("[tracked] disabled: " + failure
          + "; the application runs without telemetry. Fix: check the agent arguments, or report this");
    }
  }
}
