package io.tracked.agent;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.AgentSettings;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.delivery.EventSink;
import io.tracked.agent.delivery.OutboxSink;
import io.tracked.agent.delivery.PostHogSink;
import io.tracked.agent.dispatch.AnonymousId;
import io.tracked.agent.dispatch.CommonProperties;
import io.tracked.agent.dispatch.Dispatcher;
import io.tracked.agent.dispatch.EventFactory;
import io.tracked.agent.dispatch.EventPipeline;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.weaving.MethodBindings;
import io.tracked.agent.weaving.TrackedInstrumentation;
import io.tracked.agent.weaving.WeavingListener;
import java.lang.instrument.Instrumentation;

/**
 * Wires the stages in the order data flows: advice → dispatcher → consent gate → sanitizer → queue →
 * sender. Only what must precede the host's first class load runs here (settings, the weaving
 * transformer); reading consent, building the sink and everything else happens on the agent's own
 * daemon thread.
 */
final class AgentStarter {

  static final long SHUTDOWN_TIMEOUT_MILLIS = 3000;

  private AgentStarter() {}

  static void start(String arguments, Instrumentation instrumentation) {
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
    ConsentGate gate = ConsentGate.forSettings(settings, System.getenv());
    Dispatcher dispatcher = new Dispatcher(bindings, gate);
    TrackedBridge.install(dispatcher);
    // Consent is not known yet: calls may be held in memory, but nothing is built or sent until it is.
    TrackedBridge.setCapturing(true);

    WeavingListener listener = new WeavingListener();
    new TrackedInstrumentation(bindings, settings.methods(), listener).install(instrumentation);

    EventPipeline pipeline = new EventPipeline(dispatcher, gate,
        () -> new EventFactory(new Sanitizer(), CommonProperties.detect(), new AnonymousId(settings.continueDirectory())::get),
        () -> sink(settings, gate),
        sink -> {
          AgentLog.info("Tracked " + TrackedVersion.get() + ": telemetry " + (gate.allowsSending() ? "on" : "off")
              + " (" + gate.describe() + "); " + sink.describe());
          gate.startPolling();
        });
    pipeline.start();
    Thread hook = new Thread(() -> pipeline.shutdown(SHUTDOWN_TIMEOUT_MILLIS), "tracked-shutdown");
    hook.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private static EventSink sink(AgentSettings settings, ConsentGate gate) {
    OutboxSink outbox = new OutboxSink(settings.outboxFile());
    if (settings.apiKey() == null) {
      return outbox;
    }
    return PostHogSink.create(settings.apiKey(), settings.host(), gate::allowsSending, outbox);
  }
}
