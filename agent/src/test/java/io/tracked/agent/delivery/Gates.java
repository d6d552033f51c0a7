package io.tracked.agent.delivery;

import io.tracked.agent.consent.ConsentGate;
import io.tracked.agent.consent.SwitchReading;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A consent gate driven by one flag, as delivery sees it. */
final class Gates {

  private Gates() {}

  static ConsentGate gate(AtomicBoolean allowed) {
    ConsentGate gate = new ConsentGate(List.of(
        () -> allowed.get() ? SwitchReading.allow("test", "on", "test") : SwitchReading.deny("test", "off", "test")));
    gate.refresh();
    return gate;
  }

  static ConsentGate on() {
    return gate(new AtomicBoolean(true));
  }
}
