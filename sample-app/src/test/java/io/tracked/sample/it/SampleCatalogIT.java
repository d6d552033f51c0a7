package io.tracked.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracked.testkit.CapturedEvent;
import io.tracked.testkit.ChildJvm;
import io.tracked.testkit.FakePostHog;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code catalog} is exact: for the packaged sample editor, the events it lists are the ones the
 * running agent sends; every property it lists is either sent or, for this run's values, dropped by
 * the sanitizer with a reason (the catalog cannot know values: {@code workspace} holds a path here);
 * and what it lists as never sent is never sent.
 */
class SampleCatalogIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void catalogOfTheSampleEditorIsWhatItSends() throws IOException {
    ChildJvm.Result catalog = ChildJvm.builder().jar(SampleAppIT.agentJar())
        .args("catalog", SampleAppIT.sampleJar().toString()).run(Duration.ofSeconds(60));
    catalog.expectExit(0);
    Map<String, Set<String>> listed = new TreeMap<>();
    Map<String, Set<String>> neverSent = new TreeMap<>();
    for (String line : catalog.stdout().lines().toList()) {
      JsonNode entry = JSON.readTree(line);
      String event = entry.get("event").asText();
      Set<String> properties = listed.computeIfAbsent(event, e -> new TreeSet<>());
      entry.get("properties").forEach(p -> properties.add(p.asText()));
      Set<String> dropped = neverSent.computeIfAbsent(event, e -> new TreeSet<>());
      entry.get("neverSent").forEach(p -> dropped.add(p.asText()));
    }

    Map<String, Set<String>> sent = new TreeMap<>();
    String stderr;
    try (FakePostHog posthog = FakePostHog.start(SampleAppIT.API_KEY)) {
      ChildJvm.Result result = ChildJvm.builder().javaAgent(SampleAppIT.agentJar(),
              "debug=true,posthog.apiKey=" + SampleAppIT.API_KEY + ",posthog.host=" + posthog.url())
          .jar(SampleAppIT.sampleJar()).args("--sessions", "2").run(Duration.ofSeconds(90));
      result.expectExit(0);
      stderr = result.stderr();
      posthog.awaitEvents(events -> listed.keySet().stream()
          .allMatch(name -> events.stream().anyMatch(e -> e.event().equals(name))), Duration.ofSeconds(20));
      posthog.awaitQuiet(Duration.ofMillis(500), Duration.ofSeconds(10));
      for (CapturedEvent event : posthog.events()) {
        Set<String> keys = sent.computeIfAbsent(event.event(), e -> new TreeSet<>());
        keys.addAll(event.properties().keySet());
        keys.removeAll(SampleAppIT.COMMON);
      }
    }

    System.out.println("catalog of the sample editor:\n" + catalog.stdout() + "events sent: " + sent);
    assertEquals(listed.keySet(), sent.keySet(), "catalog:\n" + catalog.stdout());
    for (String event : sent.keySet()) {
      assertTrue(listed.get(event).containsAll(sent.get(event)), event + " sent " + sent.get(event) + " beyond the catalog");
      for (String property : listed.get(event)) {
        assertTrue(sent.get(event).contains(property) || stderr.contains(event + "." + property + " dropped: "),
            event + "." + property + " is listed but was neither sent nor dropped by value:\n" + stderr);
      }
      for (String dropped : neverSent.get(event)) {
        assertTrue(!sent.get(event).contains(dropped), event + "." + dropped + " is listed as never sent");
      }
    }
    assertEquals(SampleAppIT.CONTRACT, sent, "the contract's events and properties");
  }
}
