package io.tracked.agent.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
import io.tracked.agent.consent.SwitchReading;
import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.weaving.MethodBindings;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On the host's thread: a call is handed over only while consent may still be given; never when it is off. */
class DispatcherConsentTest {

  // The gate opens or closes the process-wide capture flag; leave it as other tests found it.
  private final boolean capturingBefore = TrackedBridge.capturing();

  @AfterEach
  void restoreCaptureFlag() {
    TrackedBridge.setCapturing(capturingBefore);
  }

  private final AtomicBoolean allowed = new AtomicBoolean(true);
  private final ConsentGate gate = new ConsentGate(List.of(
      () -> allowed.get() ? SwitchReading.allow("s", "on", "test") : SwitchReading.deny("s", "off", "test")));
  private final MethodBindings bindings = new MethodBindings();
  private final int methodId = bindings.register(Bindings.binding("chat", List.of("model"), null, false));
  private final Dispatcher dispatcher = new Dispatcher(bindings, gate, new HostSwitch());

  @Test
  void callsAreDroppedWhileConsentIsOff() {
    allowed.set(false);
    gate.refresh();

    dispatcher.onCall(methodId, new Object[] {"gpt-4o"}, null, null);

    assertEquals(0, dispatcher.pending());
    assertEquals(0, dispatcher.dropped(), "not sent because of consent is not a capacity drop");
  }

  @Test
  void callsAreCapturedWhileConsentIsOn() {
    gate.refresh();
    Object[] arguments = {"gpt-4o"};

    dispatcher.onCall(methodId, arguments, "ret", null);

    assertEquals(1, dispatcher.pending());
    CapturedCall call = dispatcher.poll();
    assertNotNull(call);
    assertEquals("chat", call.binding().eventName());
    assertSame(arguments, call.arguments());
    assertEquals("ret", call.returned());
  }

  @Test
  void callsAreCapturedBeforeConsentIsFirstKnown() {
    dispatcher.onCall(methodId, new Object[] {"gpt-4o"}, null, null);
    assertEquals(1, dispatcher.pending(), "UNKNOWN may capture into memory");
  }

  @Test
  void unknownMethodIdsAreIgnored() {
    gate.refresh();
    dispatcher.onCall(9999, new Object[0], null, null);
    dispatcher.onCall(-1, new Object[0], null, null);
    // Looked up on the agent's thread: nothing comes out, and nothing is left behind.
    assertNull(dispatcher.poll());
    assertEquals(0, dispatcher.pending());
  }

  @Test
  void turningConsentOffStopsCapture() {
    gate.refresh();
    dispatcher.onCall(methodId, new Object[] {"a"}, null, null);
    allowed.set(false);
    gate.refresh();
    dispatcher.onCall(methodId, new Object[] {"b"}, null, null);

    assertEquals(1, dispatcher.pending());
  }
}
