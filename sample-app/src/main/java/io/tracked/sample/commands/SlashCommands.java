package io.tracked.sample.commands;

import io.tracked.api.Tracked;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The slash commands the chat box knows, and a log of the ones used. */
public final class SlashCommands {

  private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
  private final List<String> used = new ArrayList<>();

  public SlashCommands(List<SlashCommand> available) {
    for (SlashCommand command : available) {
      commands.put(command.name(), command);
    }
  }

  /**
   * Runs the command {@code name} (without its slash). {@code input} is whatever the user typed after
   * it and {@code filepath} the absolute path of the document it acts on; both are captured, and both
   * are for the sanitizer to drop. An unknown name throws, and so sends no event.
   */
  @Tracked("useSlashCommand")
  public String run(String name, String input, String filepath) {
    SlashCommand command = commands.get(name);
    if (command == null) {
      throw new IllegalArgumentException(
          "unknown command /" + name + "; try one of /" + String.join(" /", commands.keySet()));
    }
    String reply = command.run(input, filepath);
    used.add(name);
    return reply;
  }

  public List<String> used() {
    return List.copyOf(used);
  }
}
