package io.tracked.agent.dispatch;

import io.tracked.agent.weaving.EventBinding;
import java.util.List;

/** Bindings as the weaver would build them, for tests that start after weaving. */
final class Bindings {

  private Bindings() {}

  static EventBinding binding(String event, List<String> arguments, String returns, boolean onException) {
    return new EventBinding("com.example.Editor", "method", "()V", event, arguments, returns, onException);
  }

  static CapturedCall call(EventBinding binding, Object... arguments) {
    return new CapturedCall(binding, arguments, null, null, 1_700_000_000_000L);
  }
}
