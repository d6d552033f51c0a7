package io.tracked.agent.sanitize;

import static io.tracked.agent.sanitize.Verdicts.assertDropped;
import static io.tracked.agent.sanitize.Verdicts.assertKept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Arrays, collections, maps, records and plain objects: walked within budgets, by reading fields and
 * JDK collections only, never by calling host code; what is left is a list or a map of kept values.
 */
class SanitizerCompositesTest {

  record Request(String model, String provider, int promptTokens, String prompt, String workspace) {}

  record Account(String name, String email) {}

  static final class Node {
    String kind = "node";
    Node next;
  }

  /** A host List: its iterator, size and get are host code. */
  static final class HostList extends AbstractList<String> {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String get(int index) {
      calls.incrementAndGet();
      return "/home/alice";
    }

    @Override
    public int size() {
      calls.incrementAndGet();
      return 1;
    }
  }

  /** A host subclass of a JDK collection: walking it would run its overrides. */
  static final class HostArrayList extends ArrayList<String> {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public java.util.Iterator<String> iterator() {
      calls.incrementAndGet();
      return super.iterator();
    }
  }

  @Test
  void listsKeepTheirKeptElementsInOrder() {
    assertEquals(List.of("gpt-4o", "llama3.1:8b"), assertKept("models", List.of("gpt-4o", "llama3.1:8b")).value());
    Verdict partial = Verdicts.judge("models", Arrays.asList("gpt-4o", "/home/alice/m.gguf", "bob@example.com", "o1"));
    assertEquals(Verdict.Action.REDACT, partial.action());
    assertEquals(List.of("gpt-4o", "o1"), partial.value());
    assertEquals("partial: path, email", partial.reason());
    assertDropped("where", List.of("/home/alice", "/Users/bob"), "path");
    assertEquals(List.of(), assertKept("none", List.of()).value());
  }

  @Test
  void primitiveAndObjectArraysBecomeLists() {
    assertEquals(List.of(1, 2, 3), assertKept("sizes", new int[] {1, 2, 3}).value());
    assertEquals(List.of(true, false), assertKept("flags", new boolean[] {true, false}).value());
    assertEquals(List.of("edit", "share"), assertKept("commands", new String[] {"edit", "share"}).value());
    assertDropped("ratios", new double[] {Double.NaN}, "not-finite");
  }

  @Test
  void mapsKeepKeptValuesUnderKeysThatAreThemselvesJudged() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("model", "gpt-4o");
    options.put("temperature", 0.2);
    options.put("apiKey", "sk-proj-abcdefghijklmnop");
    options.put("alice@example.com", 3);
    options.put("target", "/home/alice/projects/x");
    Verdict verdict = Verdicts.judge("options", options);
    assertEquals(Verdict.Action.REDACT, verdict.action());
    assertEquals(Map.of("model", "gpt-4o", "temperature", 0.2), verdict.value());
    assertEquals("partial: content-parameter, email, path", verdict.reason());
    assertEquals(Map.of("1", "edit"), assertKept("byId", new TreeMap<>(Map.of(1, "edit"))).value());
  }

  @Test
  void recordsBecomeMapsOfTheirComponentsWithoutCallingAccessors() {
    Request request = new Request("gpt-4o", "openai", 512, "fix the bug in my code", "/home/alice/acme");
    Verdict verdict = Verdicts.judge("request", request);
    assertEquals(Verdict.Action.REDACT, verdict.action());
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("model", "gpt-4o");
    expected.put("provider", "openai");
    expected.put("promptTokens", 512);
    assertEquals(expected, verdict.value());
    assertEquals("partial: content-parameter, path", verdict.reason());
    assertDropped("account", new Account("Alice Smith", "alice@example.com"), "person-name");
  }

  /** Like the agent's fixture: no fields, and a toString that throws. */
  static final class NoFields {
    @Override
    public String toString() {
      throw new IllegalStateException("toString must not be called");
    }
  }

  record Nothing() {}

  @Test
  void objectsWithoutFieldsCarryNothingAndAreDropped() {
    assertDropped("hostile", new NoFields(), "empty-object");
    assertDropped("marker", new Nothing(), "empty-object");
  }

  @Test
  void cyclesAreCutAndDepthIsBounded() {
    Node a = new Node();
    Node b = new Node();
    a.next = b;
    b.next = a;
    // The first walk of a class plans its fields (reflection, class loading); on a loaded machine
    // that alone can pass the 5 ms budget and drop the value as a timeout, which is not what this
    // test is about. Judge once to plan, then assert on the walk itself.
    Verdicts.judge("graph", a);
    Verdict verdict = Verdicts.judge("graph", a);
    assertEquals(Verdict.Action.REDACT, verdict.action(), verdict.toString());
    assertTrue(verdict.reason().contains("cycle"), verdict.reason());

    Node deep = new Node();
    Node cursor = deep;
    for (int i = 0; i < 50; i++) {
      cursor.next = new Node();
      cursor = cursor.next;
    }
    Verdict deepVerdict = Verdicts.judge("chain", deep);
    assertTrue(deepVerdict.reason().contains("too-deep"), deepVerdict.reason());

    List<Object> self = new ArrayList<>();
    self.add("gpt-4o");
    self.add(self);
    Verdict selfVerdict = Verdicts.judge("self", self);
    assertEquals(List.of("gpt-4o"), selfVerdict.value());
    assertEquals("partial: cycle", selfVerdict.reason());
  }

  @Test
  void hugeContainersAreDroppedWithoutBeingWalked() {
    List<Integer> million = Collections.nCopies(1_000_000, 7);
    assertDropped("big", new ArrayList<>(million), "too-large");
    assertDropped("big", new int[1_000_000], "too-large");
    Map<String, Integer> map = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      map.put("k" + i, i);
    }
    assertDropped("big", map, "too-large");
    assertDropped("big", "x".repeat(100 * 1024 * 1024), "too-long");
  }

  @Test
  void hostCollectionsAreNeverIterated() {
    HostList list = new HostList();
    assertDropped("kinds", list, "unsupported-type");
    assertEquals(0, list.calls.get());

    HostArrayList subclass = new HostArrayList();
    subclass.add("gpt-4o");
    assertDropped("models", subclass, "unsupported-type");
    assertEquals(0, subclass.calls.get());

    // A JDK wrapper may wrap a host collection: not walked either.
    assertDropped("view", Collections.unmodifiableList(new ArrayList<>(List.of("gpt-4o"))), "unsupported-type");
  }

  @Test
  void charactersOneByOneAreJudgedAsTheTextTheySpell() {
    assertDropped("kind", List.of('h', 'i', ' ', 't', 'h', 'e', 'r', 'e'), "free-text");
    assertDropped("kind", new Character[] {'/', 'e', 't', 'c', '/', 'x'}, "path");
    assertEquals("edit", assertKept("kind", List.of('e', 'd', 'i', 't')).value());
  }

  @Test
  void aWalkThatRunsOutOfTimeIsDroppedWhole() {
    Sanitizer impatient = new Sanitizer(new Limits(200, 4096, 4, 256, 64, 0L));
    Verdict verdict = impatient.sanitize("models", List.of("gpt-4o"));
    assertEquals(Verdict.Action.DROP, verdict.action());
    assertEquals("timeout", verdict.reason());
    assertFalse(verdict.sendable());
  }

  @Test
  void aWalkOverTheNodeBudgetIsDroppedWhole() {
    Sanitizer frugal = new Sanitizer(new Limits(200, 4096, 4, 3, 64, 5_000_000L));
    assertEquals("too-large", frugal.sanitize("nested", List.of(List.of(1), List.of(2), List.of(3))).reason());
  }

  @Test
  void keptCompositesSerializeAsPlainJson() throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("models", List.of("gpt-4o", "o1"));
    value.put("request", new Request("gpt-4o", "openai", 1, "x", "/home/alice/y"));
    Verdict verdict = Verdicts.judge("settings", value);
    String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(verdict.value());
    assertEquals(
        "{\"models\":[\"gpt-4o\",\"o1\"],\"request\":{\"model\":\"gpt-4o\",\"provider\":\"openai\",\"promptTokens\":1}}",
        json);
  }
}
