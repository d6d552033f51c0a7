package io.tracked.sample.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.sample.autocomplete.AutocompleteEngine;
import io.tracked.sample.autocomplete.Suggestion;
import io.tracked.sample.documents.Document;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.models.FakeModel;
import io.tracked.sample.models.GenerationHistory;
import io.tracked.sample.models.ModelConfig;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EditorTest {

  private Workspace workspace;
  private Editor editor;
  private Document document;

  @BeforeEach
  void openFile() {
    workspace = new Workspace("/w", Map.of("A.java", "int total = 0;\n"));
    editor = new Editor(workspace, new AutocompleteEngine(new FakeModel(ModelConfig.LLAMA, new GenerationHistory())));
    document = workspace.open("A.java");
    document.moveCursorToEnd();
    editor.type("int total = ");
  }

  @Test
  void anAcceptedSuggestionIsInsertedAtTheCursor() {
    Suggestion suggestion = editor.requestSuggestion().orElseThrow();
    assertEquals("0;", suggestion.completion());
    editor.accept(suggestion);
    assertEquals("int total = 0;\nint total = 0;", document.text());
    assertEquals(document.text().length(), document.cursor());
    assertEquals(1, editor.accepted());
  }

  @Test
  void aRejectedSuggestionLeavesTheDocumentAlone() {
    Suggestion suggestion = editor.requestSuggestion().orElseThrow();
    editor.reject(suggestion);
    assertEquals("int total = 0;\nint total = ", document.text());
    assertEquals(1, editor.rejected());
  }

  @Test
  void aStaleSuggestionCannotBeAccepted() {
    Suggestion suggestion = editor.requestSuggestion().orElseThrow();
    editor.type("1");
    assertThrows(IllegalStateException.class, () -> editor.accept(suggestion));
    assertEquals("int total = 0;\nint total = 1", document.text());
    assertTrue(editor.outcomes().isEmpty());
  }

  @Test
  void suggestionsCarryWhatTheEventReports() {
    Suggestion suggestion = editor.requestSuggestion().orElseThrow();
    assertEquals("java", suggestion.fileExtension());
    assertEquals("/w/A.java", suggestion.filepath());
    assertEquals(ModelConfig.LLAMA, suggestion.model());
    assertTrue(suggestion.latencyMs() > 0);
  }
}
