package io.tracked.agent.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.HostSwitch;
import io.tracked.agent.consent.SwitchReading;
import io.tracked.agent.event.Bindings;
import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.weaving.MethodBindings;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A call that threw counts only when its binding says onException; then only the exception's class is kept. */
class DispatcherExceptionFilterTest {

  // The gate opens or closes the process-wide capture flag; leave it as other tests found it.
  private final boolean capturingBefore = TrackedBridge.capturing();

  @AfterEach
  void restoreCaptureFlag() {
    TrackedBridge.setCapturing(capturingBefore);
  }

  private final ConsentGate gate = new ConsentGate(List.of(() -> SwitchReading.allow("s", "on", "test")));
  private final MethodBindings bindings = new MethodBindings();
  private final int plain = bindings.register(Bindings.binding("plain", List.of(), null, false));
  private final int counted = bindings.register(Bindings.binding("counted", List.of(), null, true));
  private final Dispatcher dispatcher = new Dispatcher(bindings, gate, new HostSwitch());

  @BeforeEach
  void consentOn() {
    gate.refresh();
  }

  @Test
  void thrownCallIsDroppedUnlessOnException() {
    dispatcher.onCall(plain, new Object[0], null, new IllegalStateException("/home/alice secret"));
    // Filtered on the agent's thread, where the binding is looked up: the host's thread only hands over.
    assertNull(dispatcher.poll());
    assertEquals(0, dispatcher.pending());
  }

  @Test
  void thrownCallIsKeptWithOnlyTheClassName() {
    dispatcher.onCall(counted, new Object[0], null, new IllegalStateException("/home/alice secret"));

    CapturedCall call = dispatcher.poll();
    assertEquals("counted", call.binding().eventName());
    assertEquals("java.lang.IllegalStateException", call.exceptionType());
  }

  @Test
  void returnedCallHasNoExceptionType() {
    dispatcher.onCall(plain, new Object[0], null, null);
    assertNull(dispatcher.poll().exceptionType());
  }
}
