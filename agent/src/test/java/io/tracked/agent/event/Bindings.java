package io.tracked.agent.event;

import java.util.List;

/** Bindings as the weaver would build them, for tests that start after weaving. */
public final class Bindings {

  private Bindings() {}

  public static EventBinding binding(String event, List<String> arguments, String returns, boolean onException) {
    return new EventBinding("com.example.Editor", "method", "()V", event, arguments, returns, onException);
  }

  public static CapturedCall call(EventBinding binding, Object... arguments) {
    return new CapturedCall(binding, arguments, null, null, 1_700_000_000_000L);
  }
}
