package io.tracked.agent;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.AgentSettings;
import io.tracked.agent.config.RunningAgent;
import io.tracked.agent.config.TrackedVersion;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
import io.tracked.agent.dispatch.Dispatcher;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.pipeline.EventPipeline;
import io.tracked.agent.weaving.MethodBindings;
import io.tracked.agent.weaving.TrackedInstrumentation;
import io.tracked.agent.weaving.WeavingListener;
import io.tracked.agent.weaving.WeavingTransformer;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Wires the stages in the order data flows: advice → dispatcher (capture) → pipeline (consent, name
 * rules, sanitizer, one event) → delivery (PostHog with the spool, or the outbox). This runs on the
 * host's start-up path, so it does only what must precede the host's first class load and first
 * tracked call: the settings, the capture path (consent gate, dispatcher, bridge) and the weaving
 * transformer. Everything else happens on the agent's own daemon thread ({@link AgentThreadSetUp}).
 */
final class AgentStarter {

  /**
   * The whole exit budget, from the start of the shutdown hooks: the contract allows 2 s past the
   * host's own end; the rest is left for the JVM's own teardown (a few hundred ms on a busy machine).
   */
  static final long SHUTDOWN_TIMEOUT_MILLIS = 1300;

  private AgentStarter() {}

  static void start(String arguments, Instrumentation instrumentation, boolean attached) {
    if (TrackedBridge.installed()) {
      AgentLog.info("already running in this JVM; the second start is ignored");
      return;
    }
    AgentSettings settings = AgentSettings.fromProcess(arguments);
    AgentLog.setDebug(settings.debug());
    for (String problem : settings.problems()) {
      AgentLog.info(problem);
    }

    // Only what a host thread may need before the agent's own thread has run: the capture path.
    MethodBindings bindings = new MethodBindings();
    HostSwitch hostSwitch = new HostSwitch();
    ConsentGate gate = ConsentGate.forSettings(settings, System.getenv(), hostSwitch);
    Dispatcher dispatcher = new Dispatcher(bindings, gate, hostSwitch);
    TrackedBridge.install(dispatcher);
    System.setProperty(RunningAgent.PROPERTY, TrackedVersion.get() + (attached ? " (attached)" : " (-javaagent)"));
    // Consent is not known yet: calls may be held in memory, but nothing is built or sent until it is.
    gate.openCapture();

    Supplier<TrackedInstrumentation> weaving = () -> new TrackedInstrumentation(bindings, settings.methods(),
        new WeavingListener(), hostSwitch::declare);
    if (attached) {
      weaving.get().install(instrumentation); // the host is running: weave what is loaded, now
    } else {
      startWeaving(weaving, settings.methods().internalNames(), instrumentation);
    }

    // Everything else (the anonymous id, the sink, the sanitizer, consent's first reading) is set up
    // by the agent's own thread.
    AgentThreadSetUp setUp = new AgentThreadSetUp(settings, gate);
    EventPipeline pipeline = new EventPipeline(dispatcher, gate, setUp.factory(), setUp, setUp);
    pipeline.start();
    Runtime.getRuntime().addShutdownHook(new ShutdownHook(pipeline));
  }

  /** Gives the pipeline and delivery {@link #SHUTDOWN_TIMEOUT_MILLIS} at the host's exit. */
  private static final class ShutdownHook extends Thread {
    private final EventPipeline pipeline;

    ShutdownHook(EventPipeline pipeline) {
      super("tracked-shutdown");
      this.pipeline = pipeline;
      setDaemon(true);
    }

    @Override
    public void run() {
      pipeline.shutdown(SHUTDOWN_TIMEOUT_MILLIS);
    }
  }

  /**
   * Registers the cheap gate at once and builds Byte Buddy on a background thread, so the host's
   * start-up overlaps the agent's instead of waiting for it.
   */
  private static void startWeaving(Supplier<TrackedInstrumentation> weaving, Set<String> configuredClasses,
      Instrumentation instrumentation) {
    CompletableFuture<ClassFileTransformer> byteBuddy = new CompletableFuture<>();
    instrumentation.addTransformer(new WeavingTransformer(byteBuddy, configuredClasses), true);
    Thread builder = new Thread(() -> {
      try {
        byteBuddy.complete(weaving.get().build());
      } catch (Throwable failure) {
        byteBuddy.completeExceptionally(failure);
        AgentLog.info("the weaver could not be built (" + failure + "); no method is tracked in this run");
      }
    }, "tracked-init");
    builder.setDaemon(true);
    builder.start();
  }
}
