package io.tracked.sample.commands;

/** A command typed in the chat box as "/name input"; it acts on the document at {@code filepath}. */
public interface SlashCommand {

  /** The name without the slash, e.g. "edit". */
  String name();

  /** Runs the command and returns the line the chat shows as the editor's reply. */
  String run(String input, String filepath);
}
