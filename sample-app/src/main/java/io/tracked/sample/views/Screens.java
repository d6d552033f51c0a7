package io.tracked.sample.views;

import io.tracked.sample.chat.Transcript;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.models.GenerationHistory;
import io.tracked.sample.models.ModelConfig;
import io.tracked.sample.settings.TelemetrySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Renders each view as the lines a headless editor would paint. */
public final class Screens {

  private final Workspace workspace;
  private final Transcript transcript;
  private final GenerationHistory history;
  private final TelemetrySettings settings;
  private final List<ModelConfig> models;

  public Screens(
      Workspace workspace,
      Transcript transcript,
      GenerationHistory history,
      TelemetrySettings settings,
      List<ModelConfig> models) {
    this.workspace = workspace;
    this.transcript = transcript;
    this.history = history;
    this.settings = settings;
    this.models = List.copyOf(models);
  }

  List<String> render(View view) {
    List<String> lines = new ArrayList<>();
    switch (view) {
      case HOME -> {
        lines.add("Open files");
        workspace.openDocuments().forEach(d -> lines.add("  " + d.fileName() + " (" + d.lineCount() + " lines)"));
      }
      case CHAT -> {
        lines.add("Chat with " + transcript.messages().size() + " messages");
        transcript.messages().forEach(m -> lines.add("  " + m.role() + ": " + m.text().lines().findFirst().orElse("")));
      }
      case HISTORY -> {
        lines.add("Generations");
        history.entries().forEach(e -> lines.add(
            "  " + e.model() + ": " + e.promptTokens() + " prompt, " + e.generatedTokens() + " generated tokens"));
      }
      case SETTINGS -> {
        lines.add("Telemetry: " + (settings.telemetryEnabled() ? "on" : "off") + " (" + settings.file() + ")");
        // ModelConfig.toString leaves the keys out.
        lines.add("Models: " + models.stream().map(ModelConfig::toString).collect(Collectors.joining(", ")));
      }
    }
    return lines;
  }
}
