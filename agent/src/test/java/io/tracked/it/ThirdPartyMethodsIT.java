package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A third-party library compiled without {@code -parameters} and without annotations, tracked only
 * through {@code methods=}: overload selection, renaming, skipping, field paths of an argument and of
 * {@code this}, an interface entry, and every kind of entry that cannot fire, each reported once. The
 * catalog of the same jar and spec lists exactly the properties the events carry.
 */
class ThirdPartyMethodsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String P = ThirdPartyJar.PACKAGE;
  static final String FIRING = P + "Inserter[insert(Completion,boolean)(c.kind=completionKind)=completion_inserted];"
      + P + "Formatter[format=formatted];"
      + P + "StyledEditor[setStyle(styleKey=language)];"
      + P + "Chat[send(-prompt)=chat];"
      + P + "Action[actionPerformed(this.name=action,-event)=action]";
  static final String NEVER_FIRING = P + "Buffer[size];" + P + "ListView[refresh];" + P + "StyledEditor[setStlye];"
      + P + "Inserter[insert(int)];" + P + "Missing[foo];javax.swing.JTextArea[setText];" + P + "Chat[<init>]";
  private static final List<String> COMMON = List.of("os", "osVersion", "ideName", "ideVersion", "extensionVersion",
      "$process_person_profile", "$geoip_disable", "$lib", "$lib_version");

  @TempDir Path temp;

  static Stream<Path> javas() {
    return ChildJvm.javasUnderTest().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javas")
  void methodsGrammarOnAThirdPartyJar(Path java) throws IOException {
    Path jar = ThirdPartyJar.build(temp);
    try (FakePostHog posthog = FakePostHog.start(AgentHarness.API_KEY)) {
      ChildJvm.Result result = ChildJvm.builder().java(java)
          .javaAgent(AgentHarness.agentJar(), "posthog.apiKey=" + AgentHarness.API_KEY + ",posthog.host=" + posthog.url()
              + ",debug=true,methods=" + FIRING + ";" + NEVER_FIRING)
          .mainClass(P + "Demo", List.of(jar))
          .run(Duration.ofSeconds(60));
      result.expectExit(0);
      assertEquals("demo done", result.stdout().strip(), "the agent wrote to the host's stdout");
      posthog.awaitEventCount(13, Duration.ofSeconds(20));

      List<CapturedEvent> inserted = posthog.events("completion_inserted");
      assertEquals(9, inserted.size(), "one event per accepted completion, not one per overload: " + inserted);
      for (CapturedEvent event : inserted) {
        assertEquals(Set.of("completionKind", "replace"), own(event).keySet(), event.toString());
        assertTrue(Set.of("keyword", "snippet").contains(event.property("completionKind")), event.toString());
        assertEquals(Boolean.FALSE, event.property("replace"));
      }
      assertEquals(Map.of("language", "java"), own(single(posthog, "formatted")), "the outer overload's call, once");
      assertEquals(Map.of("language", "java"), own(single(posthog, "setStyle")), "renamed past the secret-name rule");
      assertEquals(Map.of("model", "gpt-4o"), own(single(posthog, "chat")), "prompt skipped, apiKey dropped by name");
      assertEquals(Map.of("action", "format-document"), own(single(posthog, "action")), "a field of this");
      assertEquals(13, posthog.events().size(), posthog.events().toString());
      for (String leak : List.of("private code", "refactor", "internal.example.com", "sk-live", "provider")) {
        assertFalse(posthog.allBodies().contains(leak), leak + " leaked");
      }

      List<String> lines = AgentHarness.agentLines(result.stderr());
      for (String expected : List.of(
          "javax.swing.JTextArea is a JDK class",
          "constructors are not tracked",
          "inherits size from java.util.ArrayList, a JDK class",
          "refresh is declared in " + P + "BaseView, not in " + P + "ListView",
          P + "StyledEditor has no method setStlye",
          P + "Inserter has no overload insert(int)",
          P + "Missing[foo] never fired: " + P + "Missing was not loaded in this run")) {
        List<String> matching = lines.stream().filter(l -> l.contains(expected)).toList();
        assertEquals(1, matching.size(), expected + " should be reported once:\n" + result.stderr());
        assertTrue(matching.get(0).contains("Fix:"), matching.get(0));
      }
      Set<String> woven = new TreeSet<>();
      lines.stream().filter(l -> l.startsWith("[tracked] woven ")).forEach(l -> woven.add(l.split(" ")[2]));
      assertEquals(new TreeSet<>(List.of(
          P + "Inserter#insert(L" + P.replace('.', '/') + "Completion;Z)V",
          P + "Formatter#format(Ljava/lang/String;)V", P + "Formatter#format(Ljava/lang/String;I)V",
          P + "StyledEditor#setStyle(Ljava/lang/String;)V",
          P + "Chat#send(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V",
          P + "NamedAction#actionPerformed(Ljava/lang/Object;)V")), woven, "woven is said only of what is woven");

      if (java.equals(ChildJvm.javasUnderTest().get(0))) {
        catalogListsExactlyWhatWasSent(jar, posthog.events());
      }
    }
  }

  /** Same jar, same spec: per event, the catalog's properties are the keys the events carried. */
  private void catalogListsExactlyWhatWasSent(Path jar, List<CapturedEvent> events) throws IOException {
    ChildJvm.Result catalog = ChildJvm.builder().jar(AgentHarness.agentJar())
        .args("catalog", "--methods", FIRING, jar.toString()).run(Duration.ofSeconds(60));
    catalog.expectExit(0);
    Map<String, Set<String>> listed = new LinkedHashMap<>();
    Map<String, Set<String>> neverSent = new LinkedHashMap<>();
    for (String line : catalog.stdout().lines().toList()) {
      JsonNode entry = JSON.readTree(line);
      String event = entry.get("event").asText();
      entry.get("properties").forEach(p -> listed.computeIfAbsent(event, e -> new TreeSet<>()).add(p.asText()));
      listed.computeIfAbsent(event, e -> new TreeSet<>());
      entry.get("neverSent").forEach(p -> neverSent.computeIfAbsent(event, e -> new TreeSet<>()).add(p.asText()));
    }
    Map<String, Set<String>> sent = sentKeys(events);
    assertEquals(sent.keySet(), listed.keySet(), catalog.stdout());
    for (String event : sent.keySet()) {
      assertTrue(listed.get(event).containsAll(sent.get(event)), event + ": sent " + sent.get(event) + ", catalog "
          + listed.get(event));
    }
    assertEquals(Set.of("completionKind", "replace"), listed.get("completion_inserted"));
    assertEquals(Set.of("model"), listed.get("chat"));
    assertEquals(Set.of("apiKey"), neverSent.get("chat"));
    assertEquals(Set.of("language", "width"), listed.get("formatted"), "both overloads are listed");
    assertTrue(catalog.stderr().contains("also records 'formatted'"), "overloads warned: " + catalog.stderr());
    System.out.println("catalog of the third-party jar:\n" + catalog.stdout() + "\nevents sent: " + sent);
  }

  static Map<String, Set<String>> sentKeys(List<CapturedEvent> events) {
    Map<String, Set<String>> sent = new LinkedHashMap<>();
    for (CapturedEvent event : events) {
      sent.computeIfAbsent(event.event(), e -> new TreeSet<>()).addAll(own(event).keySet());
    }
    return sent;
  }

  static Map<String, Object> own(CapturedEvent event) {
    Map<String, Object> own = new LinkedHashMap<>(event.properties());
    COMMON.forEach(own::remove);
    return own;
  }

  private static CapturedEvent single(FakePostHog posthog, String name) {
    List<CapturedEvent> events = posthog.events(name);
    assertEquals(1, events.size(), name + ": " + events);
    return events.get(0);
  }

  @Test
  void statusSaysWhichEntriesFireBeforeTheApplicationRuns() throws IOException {
    Path jar = ThirdPartyJar.build(temp);
    ChildJvm.Result status = ChildJvm.builder().jar(AgentHarness.agentJar())
        .args("status", "--config", temp.resolve("none.json").toString(), "--methods", FIRING + ";" + NEVER_FIRING,
            jar.toString())
        .run(Duration.ofSeconds(60));
    status.expectExit(0);
    List<String> fires = new ArrayList<>();
    List<String> never = new ArrayList<>();
    for (String line : status.stdout().lines().toList()) {
      if (line.startsWith("  fires: ")) {
        fires.add(line);
      } else if (line.startsWith("  never fires: ")) {
        never.add(line);
      }
    }
    assertEquals(5, fires.size(), status.stdout());
    assertEquals(7, never.size(), status.stdout());
    assertTrue(never.stream().anyMatch(l -> l.contains(P + "Missing is not in the given jars")), status.stdout());
    assertTrue(fires.stream().anyMatch(l -> l.contains(P + "NamedAction#actionPerformed sends [action]")), status.stdout());
    Set<String> distinct = new HashSet<>(never);
    assertEquals(never.size(), distinct.size(), "each reported once");
  }
}
