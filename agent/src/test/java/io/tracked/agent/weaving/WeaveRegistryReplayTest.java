package io.tracked.agent.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.weaving.cache.WeaveRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a weave registers is written down step by step for the cache, and a later start replays it:
 * the same ids, switches declared; a replay whose ids this run already gave to something else is
 * refused, so the class is woven afresh instead of reporting calls under another method's id.
 */
class WeaveRegistryReplayTest {

  private final List<String> declared = new ArrayList<>();

  private static EventBinding binding(String method) {
    return new EventBinding("com.example.Editor", method, "()V", method + "_event", List.of(), null, false);
  }

  private WeaveRegistry registry(MethodBindings bindings) {
    return new WeaveRegistry(bindings, MethodsOption.none(), declared::add);
  }

  @Test
  void aWeaveIsRecordedInOrderAndReplayedWithTheSameIds() {
    MethodBindings first = new MethodBindings();
    WeaveRegistry weaving = registry(first);
    WeaveRecord record;
    try (WeaveRegistry.Recording recording = weaving.record()) {
      weaving.event(binding("save"));
      weaving.hostSwitch("com.example.Editor#telemetryEnabled");
      weaving.debug("woven com.example.Editor#save");
      record = recording.result(new byte[] {1});
    }
    assertNotNull(record);
    assertEquals(3, record.steps().size());
    WeaveRecord.Event event = (WeaveRecord.Event) record.steps().get(0);
    assertEquals(first.register(binding("save")), event.methodId());
    assertEquals(first.eventKey("save_event"), event.eventKey());

    declared.clear();
    MethodBindings next = new MethodBindings(); // the next start
    assertTrue(registry(next).replay(record));
    assertEquals("save", next.get(event.methodId()).methodName());
    assertEquals("com.example.Editor#telemetryEnabled",
        next.switchMethod(((WeaveRecord.Switch) record.steps().get(1)).switchId()));
    assertEquals(List.of("com.example.Editor#telemetryEnabled"), declared);
    assertEquals(event.eventKey(), next.eventKey("save_event"), "the key is this run's key of the event");
  }

  @Test
  void aReplayWhoseIdIsTakenInThisRunIsRefused() {
    MethodBindings bindings = new MethodBindings(identity -> 5, 0xFF);
    WeaveRegistry registry = registry(bindings);
    assertEquals(5, registry.event(binding("open")).methodId()); // this run gave 5 to open()
    WeaveRecord cached = new WeaveRecord(new byte[] {1},
        List.of(new WeaveRecord.Event(binding("close"), 5, 77)));
    assertFalse(registry.replay(cached), "close() would report its calls as open()");
    assertSame("open", bindings.get(5).methodName());

    WeaveRecord keyTaken = new WeaveRecord(new byte[] {1},
        List.of(new WeaveRecord.Event(binding("close"), 9, bindings.eventKey("open_event"))));
    assertFalse(registry.replay(keyTaken), "two events must never share a nesting key");
  }

  @Test
  void aNestedOrFailedWeaveIsNotKept() {
    WeaveRegistry registry = registry(new MethodBindings());
    try (WeaveRegistry.Recording outer = registry.record()) {
      try (WeaveRegistry.Recording inner = registry.record()) {
        registry.event(binding("nested"));
        assertNull(inner.result(null), "Byte Buddy refuses a weave nested in another on one thread");
      }
      registry.event(binding("outer"));
      WeaveRecord kept = outer.result(new byte[] {1});
      assertEquals(1, kept.steps().size(), "the nested class's steps belong to it alone");
    }
    try (WeaveRegistry.Recording failing = registry.record()) {
      registry.failed();
      assertNull(failing.result(new byte[] {1}));
    }
  }
}
