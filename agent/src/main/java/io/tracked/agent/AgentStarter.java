package io.tracked.agent;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.AgentSettings;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
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
import io.tracked.agent.weaving.LeanWeaver;
import io.tracked.agent.weaving.MethodBindings;
import io.tracked.agent.weaving.TrackedInstrumentation;
import io.tracked.agent.weaving.WeavingListener;
import io.tracked.agent.weaving.WeavingTransformer;
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
    // Consent is not known yet: calls may be held in memory, but nothing is built or sent until it is.
    TrackedBridge.setCapturing(true);

    if (attached) {
      // The host is running: weave what is loaded, now, with Byte Buddy's retransformation.
      new TrackedInstrumentation(bindings, settings.methods(), new WeavingListener(), hostSwitch::declare)
          .install(instrumentation);
    } else {
      startWeaving(bindings, settings, hostSwitch, instrumentation);
    }

    EventPipeline pipeline = new EventPipeline(dispatcher, gate,
        () -> new EventFactory(new Sanitizer(), CommonProperties.detect(settings.ideName(), settings.ideVersion()), anonymousId::get),
        () -> sink(settings, gate),
        sink -> {
          AgentLog.info("Tracked " + TrackedVersion.get() + ": telemetry " + ConsentGate.describeState(gate.state())
              + " (" + gate.describe() + "); " + sink.describe());
          gate.startPolling();
        });
    pipeline.start();
    Thread hook = new Thread(() -> {
      pipeline.shutdown(SHUTDOWN_TIMEOUT_MILLIS);
      long dropped = dispatcher.dropped();
      if (dropped > 0) {
        AgentLog.info(dropped + " tracked calls were dropped in this run because they came faster than the agent"
            + " could take them (the host is never blocked)");
      }
    }, "tracked-shutdown");
    hook.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Registers the cheap gate and the lean start-up weaver. Nothing of Byte Buddy's AgentBuilder is
   * built: a tracked class is woven on its loading thread, as it loads, with ASM and a type pool only.
   */
  private static void startWeaving(MethodBindings bindings, AgentSettings settings, HostSwitch hostSwitch,
      Instrumentation instrumentation) {
    LeanWeaver weaver = new LeanWeaver(bindings, settings.methods(), hostSwitch::declare);
    instrumentation.addTransformer(new WeavingTransformer(weaver, settings.methods().internalNames()), true);
  }

  private static EventSink sink(AgentSettings settings, ConsentGate gate) {
    OutboxSink outbox = new OutboxSink(settings.outboxFile());
    if (settings.apiKey() == null) {
      return outbox;
    }
    return PostHogSink.create(settings.apiKey(), settings.host(), gate::allowsSending, outbox);
  }
}
