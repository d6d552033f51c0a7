package io.tracked.sample.chat;

import io.tracked.api.Tracked;
import io.tracked.sample.commands.SlashCommands;
import io.tracked.sample.documents.Document;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.models.FakeModel;
import io.tracked.sample.models.ModelConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat box: a message starting with "/" runs a slash command, anything else goes to the
 * selected model together with the focused file as context.
 */
public final class ChatPanel {

  private final Workspace workspace;
  private final Transcript transcript;
  private final SlashCommands commands;
  private final Map<String, FakeModel> models = new LinkedHashMap<>();
  private final String userEmail;
  private final List<String> requestModels = new ArrayList<>();
  private FakeModel selected;

  public ChatPanel(
      Workspace workspace,
      Transcript transcript,
      SlashCommands commands,
      List<FakeModel> available,
      String userEmail) {
    this.workspace = workspace;
    this.transcript = transcript;
    this.commands = commands;
    for (FakeModel model : available) {
      models.put(model.config().name(), model);
    }
    this.selected = available.get(0);
    this.userEmail = userEmail;
  }

  public void selectModel(ModelConfig config) {
    FakeModel model = models.get(config.name());
    if (model == null) {
      throw new IllegalArgumentException("no chat model " + config);
    }
    selected = model;
  }

  /** What the user typed in the chat box; returns the reply shown under it. */
  public String submit(String input) {
    transcript.add(Transcript.Role.USER, "", input);
    if (input.startsWith("/")) {
      String commandLine = input.substring(1);
      int space = commandLine.indexOf(' ');
      String name = space < 0 ? commandLine : commandLine.substring(0, space);
      String rest = space < 0 ? "" : commandLine.substring(space + 1);
      String path = workspace.active().map(Document::path).orElse("");
      String reply = commands.run(name, rest, path);
      transcript.add(Transcript.Role.ASSISTANT, "", reply);
      return reply;
    }
    ModelConfig config = selected.config();
    return sendRequest(config.name(), config.provider(), input, config.apiKey(), userEmail, config.apiBase());
  }

  /**
   * Sends one chat request. {@code prompt} is the user's own words, {@code apiKey} the provider key,
   * {@code userEmail} the account, which hosted providers take as the end user's id for abuse
   * monitoring (OpenAI's {@code user} field; the fake provider has no use for it), and {@code apiBase}
   * the endpoint, here an internal gateway with a token in its URL. All four are captured, for the
   * sanitizer to drop: the first three by their names, {@code apiBase} by what it holds.
   */
  @Tracked("chat")
  public String sendRequest(
      String model, String provider, String prompt, String apiKey, String userEmail, String apiBase) {
    FakeModel target = models.get(model);
    if (target == null || !target.config().provider().equals(provider)) {
      throw new IllegalArgumentException("no chat model " + model + " from " + provider);
    }
    if (target.config().needsApiKey() && apiKey.isBlank()) {
      throw new IllegalStateException(provider + " needs an API key; add one in /settings");
    }
    String request = workspace.active()
        .map(document -> prompt + "\n\n```" + document.fileName() + "\n" + document.text() + "\n```")
        .orElse(prompt);
    String answer = target.generate(request, ignored -> workspace.active()
        .map(document -> ChatResponder.answer(prompt, document))
        .orElse("Open a file and ask again: I answer questions about code.")).output();
    transcript.add(Transcript.Role.ASSISTANT, model, answer);
    requestModels.add(model);
    return answer;
  }

  /** The model of each chat request sent, in order. */
  public List<String> requestModels() {
    return List.copyOf(requestModels);
  }
}
