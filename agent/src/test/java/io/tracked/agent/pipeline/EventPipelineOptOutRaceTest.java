package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
import io.tracked.agent.consent.SwitchReading;
import io.tracked.agent.delivery.EventSink;
import io.tracked.agent.dispatch.Dispatcher;
import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.Event;
import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.weaving.MethodBindings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An opt-out that lands while the agent's thread is building an event (from a call captured while
 * consent was on) discards that event too: it never reaches the sink after the sink was emptied, so it
 * cannot leave once consent comes back (Glean's opt-out semantics).
 */
class EventPipelineOptOutRaceTest {

  private final boolean capturingBefore = TrackedBridge.capturing();

  @AfterEach
  void restoreCaptureFlag() {
    TrackedBridge.setCapturing(capturingBefore);
  }

  @Test
  void anEventBuiltAcrossAnOptOutIsDiscarded() throws Exception {
    AtomicBoolean allowed = new AtomicBoolean(true);
    ConsentGate gate = new ConsentGate(List.of(
        () -> allowed.get() ? SwitchReading.allow("s", "on", "test") : SwitchReading.deny("s", "off", "test")));
    MethodBindings bindings = new MethodBindings();
    int methodId = bindings.register(Bindings.binding("chat", List.of("model"), null, false));
    Dispatcher dispatcher = new Dispatcher(bindings, gate, new HostSwitch());
    List<Event> sent = new CopyOnWriteArrayList<>();
    EventSink sink = new EventSink() {
      @Override
      public void send(Event event) {
        sent.add(event);
      }

      @Override
      public void discardPending() {
        sent.clear();
      }

      @Override
      public void close(long timeoutMillis) {}

      @Override
      public String describe() {
        return "test sink";
      }
    };
    CountDownLatch building = new CountDownLatch(1);
    CountDownLatch optedOut = new CountDownLatch(1);
    AtomicBoolean firstBuild = new AtomicBoolean(true);
    // The distinct id is asked for while the event is built: the first build waits there for the opt-out.
    EventFactory factory = new EventFactory(new Sanitizer(), Map.of(), () -> {
      if (firstBuild.getAndSet(false)) {
        building.countDown();
        await(optedOut);
      }
      return "anonymous";
    });
    EventPipeline pipeline = new EventPipeline(dispatcher, gate, () -> factory, () -> sink, ready -> {});
    gate.openCapture();
    dispatcher.onCall(methodId, new Object[] {"gpt-4o"}, null, null);
    pipeline.start();
    try {
      assertTrue(building.await(10, TimeUnit.SECONDS), "the agent's thread never built the first event");
      allowed.set(false);
      gate.refresh(); // the opt-out: discards what is pending while the first event is being built
      optedOut.countDown();

      allowed.set(true);
      gate.refresh();
      dispatcher.onCall(methodId, new Object[] {"claude"}, null, null);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (sent.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }

      assertEquals(1, sent.size(), "only the call made after consent came back is sent: " + sent);
      assertEquals("claude", sent.get(0).properties().get("model"));
    } finally {
      pipeline.shutdown(1_000);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
