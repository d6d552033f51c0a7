package io.tracked.agent;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.AgentSettings;
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
import io.tracked.agent.weaving.WeavingListener;
import io.tracked.agent.weaving.WeavingTransformer;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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

    Supplier<TrackedInstrumentation> weaving = () -> new TrackedInstrumentation(bindings, settings.methods(),
        new WeavingListener(), hostSwitch::declare);
    if (attached) {
      weaving.get().install(instrumentation); // the host is running: weave what is loaded, now
    } else {
      startWeaving(weaving, settings.methods().internalNames(), instrumentation);
    }

    EventPipeline pipeline = new EventPipeline(dispatcher, gate,
        () -> new EventFactory(new Sanitizer(), CommonProperties.detect(settings.ideName(), settings.ideVersion()),
            anonymousId::get),
        () -> sink(settings, gate),
        sink -> {
          // Normal operation is silent on the host's stderr; debug=true says what the agent decided.
          if (AgentLog.debugEnabled()) {
            AgentLog.debug("Tracked " + TrackedVersion.get() + ": telemetry " + ConsentGate.describeState(gate.state())
                + " (" + gate.describe() + "); " + sink.describe());
          }
          gate.startPolling();
        });
    pipeline.start();
    Thread hook = new Thread(() -> pipeline.shutdown(SHUTDOWN_TIMEOUT_MILLIS), "tracked-shutdown");
    hook.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(hook);
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
