package io.tracked.agent.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.EventBinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Ids compiled into woven code are the same in every run, whatever order classes load in, so bytes
 * woven in an earlier run stay right; collisions probe to another id, and an id taken by something
 * else in this run is refused to cached bytes.
 */
class MethodBindingsStableIdsTest {

  private static EventBinding binding(String className, String method, String event) {
    return new EventBinding(className, method, "()V", event, List.of(), null, false);
  }

  @Test
  void theSameMethodGetsTheSameIdInEveryRunWhateverTheOrder() {
    List<EventBinding> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add(binding("com.example.C" + i, "m" + (i % 7), "event_" + (i % 11)));
    }
    MethodBindings first = new MethodBindings();
    List<Integer> firstIds = new ArrayList<>();
    for (EventBinding b : all) {
      firstIds.add(first.register(b));
    }
    List<EventBinding> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(7));
    MethodBindings second = new MethodBindings();
    for (EventBinding b : shuffled) {
      second.register(b);
    }
    for (int i = 0; i < all.size(); i++) {
      EventBinding b = all.get(i);
      assertEquals(firstIds.get(i), second.register(b), b.toString());
      assertSame(b, second.get(firstIds.get(i)));
      assertEquals(first.eventKey(b.eventName()), second.eventKey(b.eventName()));
    }
    assertEquals(300, new HashSet<>(firstIds).size(), "two methods share an id");
    assertEquals(StableIds.fnv1a("com.example.C0#m0()V") & StableIds.ID_MASK, firstIds.get(0),
        "the id is the hash of the method's identity");
  }

  @Test
  void collisionsProbeToAnotherIdAndEveryBindingStaysReachable() {
    // Every identity hashes to 5 in a range of 16: all collide.
    MethodBindings bindings = new MethodBindings(identity -> 5, 0xF);
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(bindings.register(binding("C", "m" + i, "e" + i)));
    }
    assertEquals(List.of(5, 6, 7, 8, 9, 10, 11, 12, 13, 14), ids);
    for (int i = 0; i < 10; i++) {
      assertEquals("m" + i, bindings.get(ids.get(i)).methodName());
      assertEquals(ids.get(i), bindings.register(binding("C", "m" + i, "e" + i)), "re-weaving reuses the id");
    }
    assertNull(bindings.get(4));
    assertNull(bindings.get(-1));
    assertNull(bindings.get(Integer.MAX_VALUE));
    int keyA = bindings.eventKey("a");
    int keyB = bindings.eventKey("b");
    assertNotEquals(keyA, keyB, "two events must never share a nesting key");
    assertEquals(keyA, bindings.eventKey("a"));
  }

  @Test
  void cachedIdsAreTakenBackOnlyWhenFreeOrAlreadyTheirs() {
    MethodBindings bindings = new MethodBindings(identity -> identity.startsWith("A") ? 3 : 9, 0xF);
    EventBinding a = binding("A", "run", "ran");
    EventBinding b = binding("B", "run", "ran");
    assertTrue(bindings.claim(9, a), "a free id is taken");
    assertSame(a, bindings.get(9));
    assertTrue(bindings.claim(9, binding("A", "run", "ran")), "an equal binding keeps its id");
    assertFalse(bindings.claim(9, b), "an id held by another binding must be refused");
    assertEquals(10, bindings.register(b), "B's own id was taken: it probes on");
    assertFalse(bindings.claim(-1, a));
    assertFalse(bindings.claim(16, a), "outside the id range");

    assertTrue(bindings.claimEventKey(4, "ran"));
    assertEquals(4, bindings.eventKey("ran"), "a claimed key is the key of its event from then on");
    assertFalse(bindings.claimEventKey(4, "other"));
    assertFalse(bindings.claimEventKey(12, "ran"), "an event has one nesting key, or nested calls count twice");
    assertTrue(bindings.claim(11, a), "a method may answer to a second id: both find the same binding");
    assertSame(a, bindings.get(11));

    assertTrue(bindings.claimSwitch(2, "Host#enabled"));
    assertEquals("Host#enabled", bindings.switchMethod(2));
    assertFalse(bindings.claimSwitch(2, "Host#other"));
    assertEquals(2, bindings.registerSwitch("Host#enabled"));
    assertNull(bindings.switchMethod(3));
  }

  @Test
  void aFullRangeOfRandomIdentitiesRoundTrips() {
    Random random = new Random(42);
    MethodBindings bindings = new MethodBindings(StableIds.FNV1A, 0x3FF);
    Set<Integer> ids = new HashSet<>();
    List<EventBinding> all = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      EventBinding b = binding("p" + random.nextInt(1000) + ".C" + i, "m" + random.nextInt(5), "e");
      all.add(b);
      assertTrue(ids.add(bindings.register(b)), "id issued twice");
    }
    for (EventBinding b : all) {
      assertSame(b, bindings.get(bindings.register(b)));
    }
    assertEquals(700, bindings.size());
  }
}
