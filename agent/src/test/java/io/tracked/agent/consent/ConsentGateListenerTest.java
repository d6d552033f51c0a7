package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listeners hear each change of the combined decision, and only changes. */
class ConsentGateListenerTest {

  // The gate opens or closes the process-wide capture flag; leave it as other tests found it.
  private final boolean capturingBefore = TrackedBridge.capturing();

  @AfterEach
  void restoreCaptureFlag() {
    TrackedBridge.setCapturing(capturingBefore);
  }

  @Test
  void notifiedOnChangeOnly() {
    AtomicBoolean allowed = new AtomicBoolean(true);
    ConsentGate gate = new ConsentGate(List.of(
        () -> allowed.get() ? SwitchReading.allow("s", "on", "test") : SwitchReading.deny("s", "off", "test")));
    List<Boolean> heard = new CopyOnWriteArrayList<>();
    gate.addListener(heard::add);

    gate.refresh();
    gate.refresh();
    assertEquals(List.of(true), heard, "the first decision is a change from UNKNOWN; a repeat is not");

    allowed.set(false);
    gate.refresh();
    gate.refresh();
    assertEquals(List.of(true, false), heard);

    allowed.set(true);
    gate.refresh();
    assertEquals(List.of(true, false, true), heard);
  }

  @Test
  void aThrowingListenerDoesNotSilenceTheOthers() {
    ConsentGate gate = new ConsentGate(List.of(() -> SwitchReading.deny("s", "off", "test")));
    List<Boolean> heard = new CopyOnWriteArrayList<>();
    gate.addListener(allowed -> {
      throw new IllegalStateException("broken listener");
    });
    gate.addListener(heard::add);

    assertEquals(ConsentGate.State.OFF, gate.refresh());
    assertEquals(List.of(false), heard);
  }
}
