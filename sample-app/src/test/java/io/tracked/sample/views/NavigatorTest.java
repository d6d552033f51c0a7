package io.tracked.sample.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.sample.chat.Transcript;
import io.tracked.sample.content.SampleContent;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.models.GenerationHistory;
import io.tracked.sample.models.ModelConfig;
import io.tracked.sample.settings.TelemetrySettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NavigatorTest {

  private final Workspace workspace = Workspace.sample();
  private final Navigator navigator = new Navigator(new Screens(
      workspace,
      new Transcript(),
      new GenerationHistory(),
      new TelemetrySettings(Path.of("/nonexistent/settings.json"), new PrintStream(new ByteArrayOutputStream())),
      List.of(ModelConfig.LLAMA, ModelConfig.CLAUDE, ModelConfig.GPT_MINI)));

  @Test
  void opensEachViewAndRemembersTheWay() {
    workspace.open(SampleContent.INVOICE_FILE);
    navigator.open("/");
    assertEquals(List.of("Open files", "  Invoice.java (47 lines)"), navigator.screen());
    navigator.open("/history");
    navigator.open("/chat");
    navigator.open("/settings");
    assertEquals(List.of("/", "/history", "/chat", "/settings"), navigator.visited());
  }

  @Test
  void theSettingsViewNeverShowsApiKeys() {
    navigator.open("/settings");
    String screen = String.join("\n", navigator.screen());
    assertTrue(screen.contains("Telemetry: on"), screen);
    assertTrue(screen.contains("gpt-4o-mini (openai)"), screen);
    assertFalse(screen.contains("sk-"), screen);
  }

  @Test
  void refusesRoutesThatAreNotViews() {
    assertThrows(IllegalArgumentException.class, () -> navigator.open(SampleContent.WORKSPACE_ROOT));
    assertEquals(List.of(), navigator.visited());
  }
}
