package io.tracked.agent;

import io.tracked.agent.config.AgentSettings;
import io.tracked.agent.config.TrackedVersion;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.delivery.EventSink;
import io.tracked.agent.delivery.OutboxSink;
import io.tracked.agent.delivery.PostHogDelivery;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.pipeline.AnonymousId;
import io.tracked.agent.pipeline.CommonProperties;
import io.tracked.agent.pipeline.EventFactory;
import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.spool.Spool;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the agent's own thread sets up before it takes the first call, kept off the host's start-up
 * path: the anonymous id, the sink (the outbox, or PostHog with the spool), and, once consent is
 * known, the consent poller; the event factory (sanitizer, common properties) when the pipeline asks
 * for it. The {@link io.tracked.agent.pipeline.EventPipeline} calls these in that order.
 */
final class AgentThreadSetUp implements Supplier<EventSink>, Consumer<EventSink>, ConsentGate.Listener {

  private final AgentSettings settings;
  private final ConsentGate gate;
  private volatile AnonymousId anonymousId;

  AgentThreadSetUp(AgentSettings settings, ConsentGate gate) {
    this.settings = settings;
    this.gate = gate;
  }

  /**
   * The sink, made before consent is first read so that an opt-out found at start reaches everything
   * an earlier run left (the id, the spool). The outbox when no key is set, else PostHog with the spool.
   */
  @Override
  public EventSink get() {
    anonymousId = new AnonymousId(settings.continueDirectory());
    gate.addListener(this);
    if (settings.apiKey() == null) {
      return new OutboxSink(settings.outboxFile());
    }
    return PostHogDelivery.start(settings.apiKey(), settings.host(), gate, Spool.open(settings.continueDirectory()));
  }

  /**
   * Whenever telemetry is off, the id goes (two periods of consent must never share one), and so does
   * the spool, which an earlier run with a key may have left: with a key, delivery deletes it itself;
   * with the outbox, it is opened here, only then, so that an outbox run never loads the spool otherwise.
   */
  @Override
  public void consentChanged(boolean allowed) {
    if (!allowed) {
      anonymousId.reset();
      if (settings.apiKey() == null) {
        Spool.open(settings.continueDirectory()).clearAll();
      }
    }
  }

  /** Consent is known: normal operation says nothing; {@code debug=true} says what was decided. */
  @Override
  public void accept(EventSink sink) {
    if (AgentLog.debugEnabled()) {
      AgentLog.debug("Tracked " + TrackedVersion.get() + ": telemetry " + ConsentGate.describeState(gate.state())
          + " (" + gate.describe() + "); " + sink.describe());
    }
    gate.startPolling();
  }

  Supplier<EventFactory> factory() {
    return new Supplier<EventFactory>() {
      @Override
      public EventFactory get() {
        AnonymousId id = anonymousId;
        return new EventFactory(new Sanitizer(), CommonProperties.detect(settings.ideName(), settings.ideVersion()),
            id::get);
      }
    };
  }
}
