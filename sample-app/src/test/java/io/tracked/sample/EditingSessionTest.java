package io.tracked.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.sample.settings.TelemetrySettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditingSessionTest {

  @TempDir Path home;

  private TelemetrySettings settings() {
    return new TelemetrySettings(home.resolve("settings.json"), new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  void aSessionTakesTheScriptedActions() {
    SessionSummary summary = new EditingSession(1, 0, settings()).run();

    assertEquals(6, summary.suggestions());
    assertTrue(summary.accepted() >= 1 && summary.rejected() >= 1, summary.render());
    assertEquals(List.of("claude-3-5-sonnet-20241022", "gpt-4o-mini"), summary.chatModels());
    assertEquals(List.of("comment", "edit", "cmd", "share"), summary.commands());
    assertEquals(List.of("/", "/chat", "/", "/chat", "/history", "/settings", "/"), summary.views());
    // Every model call: 6 suggestions, 2 chat answers, /comment, /edit and /cmd.
    assertEquals(11, summary.generations());
    // 29 scripted actions, plus typing by hand after each rejected suggestion.
    assertEquals(29 + summary.rejected(), summary.actions());
    assertEquals(summary.actions(), summary.actionsWithTelemetry());
  }

  @Test
  void theSameSessionNumberReplaysExactly() {
    String first = new EditingSession(7, 0, settings()).run().render();
    String again = new EditingSession(7, 0, settings()).run().render();
    assertEquals(first, again);
  }

  @Test
  void differentSessionsDecideDifferently() {
    List<String> outcomes = new java.util.ArrayList<>();
    for (int n = 1; n <= 8; n++) {
      EditingSession session = new EditingSession(n, 0, settings());
      session.run();
      outcomes.add(session.editor().outcomes().stream().map(o -> o.accepted() ? "A" : "R").reduce("", String::concat));
    }
    assertNotEquals(1, outcomes.stream().distinct().count(), outcomes.toString());
  }

  @Test
  void consultsTheTelemetrySwitchBeforeEveryAction() throws Exception {
    Files.writeString(home.resolve("settings.json"), "{\"telemetryEnabled\": false}");
    SessionSummary summary = new EditingSession(1, 0, settings()).run();
    assertTrue(summary.actions() >= 29, summary.render());
    assertEquals(0, summary.actionsWithTelemetry());
  }
}
