package io.tracked.sample.chat;

import io.tracked.sample.commands.SlashCommand;
import io.tracked.sample.editor.Clipboard;

/** "/share": copies the chat so far, as Markdown, to the editor's clipboard. */
public final class ShareCommand implements SlashCommand {

  private final Transcript transcript;
  private final Clipboard clipboard;

  public ShareCommand(Transcript transcript, Clipboard clipboard) {
    this.transcript = transcript;
    this.clipboard = clipboard;
  }

  @Override
  public String name() {
    return "share";
  }

  @Override
  public String run(String input, String filepath) {
    String markdown = transcript.toMarkdown();
    clipboard.put(markdown);
    return "Copied the transcript (" + markdown.split("\n", -1).length + " lines of Markdown) to the clipboard.";
  }
}
