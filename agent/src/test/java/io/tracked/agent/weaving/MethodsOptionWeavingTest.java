package io.tracked.agent.weaving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.config.MethodsOption;
import io.tracked.hosts.LegacyHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Methods named by the {@code methods} option are woven without any annotation. */
class MethodsOptionWeavingTest {

  @Test
  void namedMethodsBecomeEventsWithConfiguredNames() {
    List<String> problems = new ArrayList<>();
    MethodsOption methods = MethodsOption.parse(LegacyHost.class.getName() + "[accept,send=chat]", problems);
    assertTrue(problems.isEmpty(), problems.toString());
    try (WovenCalls woven = new WovenCalls(methods)) {
      LegacyHost legacy = new LegacyHost();
      legacy.accept("gpt-4o");
      assertEquals(5, legacy.send("claude", 5));
      legacy.untouched();

      assertArrayEquals(new Object[] {"gpt-4o"}, woven.only("accept").arguments());
      WovenCalls.Call chat = woven.only("chat");
      assertEquals(List.of("model", "tokens"), chat.binding().argumentProperties());
      assertEquals(2, woven.calls.size(), woven.calls.toString());
    }
  }
}
