package io.tracked.sample.editor;

import io.tracked.api.Tracked;
import io.tracked.sample.autocomplete.AutocompleteEngine;
import io.tracked.sample.autocomplete.Suggestion;
import io.tracked.sample.documents.Document;
import io.tracked.sample.documents.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text editor: typing into the focused document and showing inline suggestions, which the user
 * then accepts (the completion is inserted) or rejects (nothing changes).
 */
public final class Editor {

  /** A suggestion and what the user did with it. */
  public record Outcome(Suggestion suggestion, boolean accepted) {}

  private final Workspace workspace;
  private final AutocompleteEngine autocomplete;
  private final List<Outcome> outcomes = new ArrayList<>();

  public Editor(Workspace workspace, AutocompleteEngine autocomplete) {
    this.workspace = workspace;
    this.autocomplete = autocomplete;
  }

  Document focused() {
    return workspace.active().orElseThrow(() -> new IllegalStateException("no document is open"));
  }

  public void type(String text) {
    focused().type(text);
  }

  public Optional<Suggestion> requestSuggestion() {
    return autocomplete.propose(focused());
  }

  public void accept(Suggestion suggestion) {
    settle(suggestion, true);
  }

  public void reject(Suggestion suggestion) {
    settle(suggestion, false);
  }

  private void settle(Suggestion suggestion, boolean accepted) {
    Document document = workspace.document(suggestion.filepath());
    if (!document.textBeforeCursor().equals(suggestion.prefix())) {
      throw new IllegalStateException("the suggestion is stale: the text before the cursor changed");
    }
    suggestionSettled(
        accepted,
        suggestion.model().name(),
        suggestion.model().provider(),
        suggestion.fileExtension(),
        suggestion.latencyMs(),
        suggestion.prefix(),
        suggestion.completion(),
        suggestion.filepath(),
        workspace.root());
    outcomes.add(new Outcome(suggestion, accepted));
  }

  /**
   * The user accepted or rejected a suggestion; accepting inserts it at the cursor. {@code prefix}
   * (the file's code), {@code completion}, {@code filepath} and {@code workspace} (the project folder,
   * with the user's name in it) are captured like every other argument: the sanitizer must drop them,
   * the first three by their names, {@code workspace} by what it holds.
   */
  @Tracked("autocomplete")
  public void suggestionSettled(
      boolean accepted,
      String modelName,
      String modelProvider,
      String fileExtension,
      long time,
      String prefix,
      String completion,
      String filepath,
      String workspace) {
    if (accepted) {
      this.workspace.document(filepath).type(completion);
    }
  }

  public List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  public long accepted() {
    return outcomes.stream().filter(Outcome::accepted).count();
  }

  public long rejected() {
    return outcomes.size() - accepted();
  }
}
