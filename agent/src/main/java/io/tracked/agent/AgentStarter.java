package io.tracked.agent;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.AgentSettings;
import io.tracked.agent.config.Option;
import io.tracked.agent.config.RunningAgent;
import io.tracked.agent.config.TrackedVersion;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
import io.tracked.agent.dispatch.Dispatcher;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.pipeline.EventPipeline;
import io.tracked.agent.weaving.MethodBindings;
import io.tracked.agent.weaving.TrackedInstrumentation;
import io.tracked.agent.weaving.WeaveContext;
import io.tracked.agent.weaving.WeaveRegistry;
import io.tracked.agent.weaving.WeaverStart;
import io.tracked.agent.weaving.WeavingListener;
import io.tracked.agent.weaving.WeavingTransformer;
import io.tracked.agent.weaving.cache.WeaveCache;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
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

    WeaveRegistry registry = new WeaveRegistry(bindings, settings.methods(), hostSwitch::declare);
    if (attached) {
      // The host is running: weave what is loaded, now. The cache serves premain only.
      new TrackedInstrumentation(registry, new WeavingListener()).install(instrumentation);
    } else {
      startWeaving(registry, settings, instrumentation);
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
   * Registers the cheap gate and the weave cache at once. Byte Buddy is built on a background thread:
   * now, when the cache for this context is cold, so the host's start-up overlaps it; else only when
   * a class comes that the cache cannot serve. A start served wholly from the cache loads no Byte Buddy.
   */
  private static void startWeaving(WeaveRegistry registry, AgentSettings settings, Instrumentation instrumentation) {
    String context = WeaveContext.describe(settings.options().get(Option.METHODS));
    WeaveCache cache = context == null ? null : WeaveCache.open(settings.continueDirectory(), context);
    // Classes, not lambdas: a lambda here would bootstrap the JDK's lambda machinery at premain.
    WeaverStart byteBuddy = new WeaverStart(new Supplier<ClassFileTransformer>() {
      @Override
      public ClassFileTransformer get() {
        return new TrackedInstrumentation(registry, new WeavingListener()).build();
      }
    }, new Runnable() {
      @Override
      public void run() {
        if (cache != null) {
          cache.prune(); // housekeeping on the agent's thread, once Byte Buddy is built
        }
      }
    });
    instrumentation.addTransformer(new WeavingTransformer(byteBuddy, registry, cache), true);
    registry.reportAtExitWhenDebugging(cache == null ? "no weave cache (unknown agent build)" : cache);
    if (cache == null || !cache.warmAtStart()) {
      byteBuddy.start();
    }
  }
}
