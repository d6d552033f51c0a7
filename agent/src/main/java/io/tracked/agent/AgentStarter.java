package io.tracked.agent;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.AgentSettings;
import io.tracked.agent.config.Option;
import io.tracked.agent.config.RunningAgent;
import io.tracked.agent.config.TrackedVersion;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
import io.tracked.agent.delivery.EventSink;
import io.tracked.agent.delivery.OutboxSink;
import io.tracked.agent.delivery.PostHogDelivery;
import io.tracked.agent.dispatch.Dispatcher;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.pipeline.AnonymousId;
import io.tracked.agent.pipeline.CommonProperties;
import io.tracked.agent.pipeline.EventFactory;
import io.tracked.agent.pipeline.EventPipeline;
import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.spool.Spool;
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
 * rules, sanitizer, one event) → delivery (PostHog with the spool, or the outbox). Only what must
 * precede the host's first class load runs here (settings, the weaving transformer); reading consent,
 * building the sink and everything else happens on the agent's own daemon thread.
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

    MethodBindings bindings = new MethodBindings();
    HostSwitch hostSwitch = new HostSwitch();
    ConsentGate gate = ConsentGate.forSettings(settings, System.getenv(), hostSwitch);
    Dispatcher dispatcher = new Dispatcher(bindings, gate, hostSwitch);
    AnonymousId anonymousId = new AnonymousId(settings.continueDirectory());
    // Whenever telemetry is off, the id goes: two periods of consent must never share one.
    gate.addListener(allowed -> {
      if (!allowed) {
        anonymousId.reset();
      }
    });
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

    EventPipeline pipeline = new EventPipeline(dispatcher, gate,
        () -> new EventFactory(new Sanitizer(), CommonProperties.detect(settings.ideName(), settings.ideVersion()),
            anonymousId::get),
        () -> sink(settings, gate),
        sink -> {
          AgentLog.info("Tracked " + TrackedVersion.get() + ": telemetry " + ConsentGate.describeState(gate.state())
              + " (" + gate.describe() + "); " + sink.describe());
          gate.startPolling();
        });
    pipeline.start();
    Thread hook = new Thread(() -> pipeline.shutdown(SHUTDOWN_TIMEOUT_MILLIS), "tracked-shutdown");
    hook.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(hook);
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

  /**
   * The outbox when no key is set, else PostHog with the spool. Either way an opt-out deletes the
   * spool, which may hold events an earlier run with a key could not deliver.
   */
  private static EventSink sink(AgentSettings settings, ConsentGate gate) {
    Spool spool = Spool.open(settings.continueDirectory()); // no I/O until it is used
    if (settings.apiKey() == null) {
      gate.addListener(allowed -> {
        if (!allowed) {
          spool.clearAll();
        }
      });
      return new OutboxSink(settings.outboxFile());
    }
    return PostHogDelivery.start(settings.apiKey(), settings.host(), gate, spool);
  }
}
