package io.tracked.sample.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.sample.chat.ShareCommand;
import io.tracked.sample.chat.Transcript;
import io.tracked.sample.documents.Document;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.editor.Clipboard;
import io.tracked.sample.models.FakeModel;
import io.tracked.sample.models.GenerationHistory;
import io.tracked.sample.models.ModelConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlashCommandsTest {

  private static final String SOURCE = "class A {\n  int count;\n\n  int next(int step) {\n    count += step;\n    return count;\n  }\n}\n";

  private final GenerationHistory history = new GenerationHistory();
  private final Transcript transcript = new Transcript();
  private final Clipboard clipboard = new Clipboard();
  private Workspace workspace;
  private Document document;
  private SlashCommands commands;

  @BeforeEach
  void openFile() {
    workspace = new Workspace("/w", Map.of("A.java", SOURCE));
    document = workspace.open("A.java");
    document.moveCursorAfter("    return count;");
    FakeModel model = new FakeModel(ModelConfig.CLAUDE, history);
    commands = new SlashCommands(List.of(
        new CommentCommand(workspace, model),
        new EditCommand(workspace, model),
        new ShareCommand(transcript, clipboard),
        new CmdCommand(workspace, model)));
  }

  @Test
  void commentInsertsAGeneratedCommentAboveTheFunction() {
    String reply = commands.run("comment", "", "/w/A.java");
    assertEquals("Added a comment above next().", reply);
    assertTrue(document.text().contains("\n\n  // next: works from step, count.\n  int next(int step) {\n"),
        document.text());
    assertTrue(document.textBeforeCursor().endsWith("    return count;"), "the cursor stays put");
    assertEquals(1, history.entries().size());
  }

  @Test
  void editRenamesEveryWholeWordAndKeepsTheCursor() {
    String reply = commands.run("edit", "rename count to total", "/w/A.java");
    assertEquals("Renamed 3 occurrences of count to total.", reply);
    assertFalse(document.text().contains("count"));
    assertTrue(document.text().contains("total += step;"));
    assertTrue(document.textBeforeCursor().endsWith("    return total;"));
  }

  @Test
  void editExplainsWhatItCannotDo() {
    assertTrue(commands.run("edit", "make it faster", "/w/A.java").contains("/edit rename OLD to NEW"));
    assertEquals(SOURCE, document.text());
  }

  @Test
  void cmdSuggestsACommandForTheFile() {
    assertEquals("Suggested command (not run): mvn -q test -Dtest=ATest",
        commands.run("cmd", "run the tests", "/w/A.java"));
  }

  @Test
  void shareCopiesTheTranscriptAsMarkdown() {
    transcript.add(Transcript.Role.USER, "", "hello");
    transcript.add(Transcript.Role.ASSISTANT, "gpt-4o-mini", "hi");
    commands.run("share", "", "/w/A.java");
    assertEquals("# Chat transcript\n\n**You:**\n\nhello\n\n**Assistant (gpt-4o-mini):**\n\nhi\n", clipboard.content());
  }

  @Test
  void anUnknownCommandFailsAndIsNotLogged() {
    assertThrows(IllegalArgumentException.class, () -> commands.run("deploy", "", "/w/A.java"));
    commands.run("cmd", "build", "/w/A.java");
    assertEquals(List.of("cmd"), commands.used());
  }
}
