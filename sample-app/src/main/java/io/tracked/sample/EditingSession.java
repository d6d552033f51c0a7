package io.tracked.sample;

import io.tracked.sample.autocomplete.AutocompleteEngine;
import io.tracked.sample.autocomplete.Suggestion;
import io.tracked.sample.chat.ChatPanel;
import io.tracked.sample.chat.ShareCommand;
import io.tracked.sample.chat.Transcript;
import io.tracked.sample.commands.CmdCommand;
import io.tracked.sample.commands.CommentCommand;
import io.tracked.sample.commands.EditCommand;
import io.tracked.sample.commands.SlashCommands;
import io.tracked.sample.content.SampleContent;
import io.tracked.sample.content.TypingStep;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.editor.Clipboard;
import io.tracked.sample.editor.Editor;
import io.tracked.sample.models.FakeModel;
import io.tracked.sample.models.GenerationHistory;
import io.tracked.sample.models.ModelConfig;
import io.tracked.sample.settings.TelemetrySettings;
import io.tracked.sample.views.Navigator;
import io.tracked.sample.views.Screens;
import io.tracked.sample.views.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One headless editing session: builds a fresh editor around the sample workspace and plays the
 * scripted user through it (open a file, type with autocomplete, chat, run slash commands, move
 * between views). Sessions share nothing but the telemetry switch, as windows of one IDE do.
 */
final class EditingSession {

  private final int number;
  private final ScriptedUser user;

  private final Workspace workspace = Workspace.sample();
  private final GenerationHistory history = new GenerationHistory();
  private final Transcript transcript = new Transcript();
  private final Editor editor;
  private final ChatPanel chat;
  private final SlashCommands commands;
  private final Navigator navigator;
  private int suggestionsOffered;

  EditingSession(int number, long paceMs, TelemetrySettings settings) {
    this.number = number;
    this.user = new ScriptedUser(number, paceMs, settings);
    FakeModel autocompleteModel = new FakeModel(ModelConfig.LLAMA, history);
    FakeModel claude = new FakeModel(ModelConfig.CLAUDE, history);
    FakeModel gptMini = new FakeModel(ModelConfig.GPT_MINI, history);
    this.editor = new Editor(workspace, new AutocompleteEngine(autocompleteModel));
    this.commands = new SlashCommands(List.of(
        new CommentCommand(workspace, claude),
        new EditCommand(workspace, claude),
        new ShareCommand(transcript, new Clipboard()),
        new CmdCommand(workspace, gptMini)));
    this.chat = new ChatPanel(
        workspace, transcript, commands, List.of(claude, gptMini), SampleContent.USER_EMAIL);
    this.navigator = new Navigator(new Screens(
        workspace, transcript, history, settings,
        List.of(ModelConfig.LLAMA, ModelConfig.CLAUDE, ModelConfig.GPT_MINI)));
  }

  SessionSummary run() {
    user.act(() -> navigator.open(View.HOME.route()));
    user.act(() -> workspace.open(SampleContent.INVOICE_FILE)
        .moveCursorAfter(SampleContent.INVOICE_INSERTION_POINT));
    SampleContent.INVOICE_TYPING.forEach(this::typeWithAutocomplete);
    user.act(() -> editor.type(SampleContent.INVOICE_TYPING_END));

    user.act(() -> navigator.open(View.CHAT.route()));
    user.act(() -> chat.submit(SampleContent.FIRST_PROMPT));
    user.act(() -> chat.submit("/comment"));
    user.act(() -> chat.submit("/edit " + SampleContent.EDIT_INSTRUCTION));
    user.act(() -> chat.selectModel(ModelConfig.GPT_MINI));
    user.act(() -> chat.submit(SampleContent.SECOND_PROMPT));
    user.act(() -> chat.submit("/cmd " + SampleContent.CMD_REQUEST));

    user.act(() -> navigator.open(View.HOME.route()));
    user.act(() -> workspace.open(SampleContent.RECONCILE_FILE).moveCursorToEnd());
    SampleContent.RECONCILE_TYPING.forEach(this::typeWithAutocomplete);

    user.act(() -> navigator.open(View.CHAT.route()));
    user.act(() -> chat.submit("/share"));
    user.act(() -> navigator.open(View.HISTORY.route()));
    user.act(() -> navigator.open(View.SETTINGS.route()));
    user.act(() -> navigator.open(View.HOME.route()));
    return summary();
  }

  /** Types one step; the editor offers a suggestion when typing stops, and the user decides. */
  private void typeWithAutocomplete(TypingStep step) {
    AtomicReference<Optional<Suggestion>> offered = new AtomicReference<>(Optional.empty());
    user.act(() -> {
      editor.type(step.typed());
      offered.set(editor.requestSuggestion());
    });
    if (offered.get().isEmpty()) {
      user.act(() -> editor.type(step.ifRejected()));
      return;
    }
    Suggestion suggestion = offered.get().get();
    if (user.acceptsSuggestion(suggestionsOffered++)) {
      user.act(() -> editor.accept(suggestion));
    } else {
      user.act(() -> editor.reject(suggestion));
      user.act(() -> editor.type(step.ifRejected()));
    }
  }

  Workspace workspace() {
    return workspace;
  }

  Editor editor() {
    return editor;
  }

  Navigator navigator() {
    return navigator;
  }

  Transcript transcript() {
    return transcript;
  }

  GenerationHistory history() {
    return history;
  }

  private SessionSummary summary() {
    Map<String, Integer> lines = new LinkedHashMap<>();
    workspace.openDocuments().forEach(document -> lines.put(document.fileName(), document.lineCount()));
    return new SessionSummary(
        number,
        lines,
        ModelConfig.LLAMA.name(),
        editor.accepted(),
        editor.rejected(),
        chat.requestModels(),
        history.entries().size(),
        history.promptTokens(),
        history.generatedTokens(),
        commands.used(),
        navigator.visited(),
        user.actions(),
        user.actionsWithTelemetry());
  }
}
