package io.tracked.sample.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.sample.commands.CmdCommand;
import io.tracked.sample.commands.SlashCommands;
import io.tracked.sample.content.SampleContent;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.models.FakeModel;
import io.tracked.sample.models.GenerationHistory;
import io.tracked.sample.models.ModelConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatPanelTest {

  private final Workspace workspace = Workspace.sample();
  private final Transcript transcript = new Transcript();
  private final GenerationHistory history = new GenerationHistory();
  private ChatPanel chat;

  @BeforeEach
  void openFile() {
    workspace.open(SampleContent.INVOICE_FILE);
    FakeModel claude = new FakeModel(ModelConfig.CLAUDE, history);
    FakeModel gpt = new FakeModel(ModelConfig.GPT_MINI, history);
    SlashCommands commands = new SlashCommands(List.of(new CmdCommand(workspace, gpt)));
    chat = new ChatPanel(workspace, transcript, commands, List.of(claude, gpt), SampleContent.USER_EMAIL);
  }

  @Test
  void asksTheSelectedModelAboutTheOpenFile() {
    String answer = chat.submit("Why is lateFeeCents wrong?");
    assertTrue(answer.contains("`lateFeeCents`"), answer);
    chat.selectModel(ModelConfig.GPT_MINI);
    chat.submit("Write a test for balanceCents");
    assertEquals(List.of("claude-3-5-sonnet-20241022", "gpt-4o-mini"), chat.requestModels());
    assertEquals(4, transcript.messages().size());
    // The file went along as context, so the prompt is much longer than the question.
    assertTrue(history.entries().get(0).promptTokens() > 200, history.entries().toString());
  }

  @Test
  void theSameQuestionGetsTheSameAnswer() {
    assertEquals(chat.submit("Why is lateFeeCents wrong?"), chat.submit("Why is lateFeeCents wrong?"));
  }

  @Test
  void aSlashRunsACommandInsteadOfAskingTheModel() {
    String reply = chat.submit("/cmd build it");
    assertEquals("Suggested command (not run): mvn -q package", reply);
    assertEquals(List.of(), chat.requestModels());
    assertEquals(Transcript.Role.ASSISTANT, transcript.messages().get(1).role());
  }

  @Test
  void aHostedModelNeedsAKey() {
    assertThrows(IllegalStateException.class,
        () -> chat.sendRequest("gpt-4o-mini", "openai", "hi", "", SampleContent.USER_EMAIL, SampleContent.GATEWAY_URL));
    assertThrows(IllegalArgumentException.class,
        () -> chat.sendRequest("gpt-4o-mini", "anthropic", "hi", "key", SampleContent.USER_EMAIL,
            SampleContent.GATEWAY_URL));
  }
}
