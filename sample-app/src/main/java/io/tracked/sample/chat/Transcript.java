package io.tracked.sample.chat;

import java.util.ArrayList;
import java.util.List;

/** The chat conversation, in order: what the "/chat" view shows and "/share" exports. */
public final class Transcript {

  /** Who wrote a message. */
  public enum Role {
    USER,
    ASSISTANT
  }

  /** One message; {@code model} is empty for the user's own messages and for editor replies. */
  public record Message(Role role, String model, String text) {}

  private final List<Message> messages = new ArrayList<>();

  public void add(Role role, String model, String text) {
    messages.add(new Message(role, model, text));
  }

  public List<Message> messages() {
    return List.copyOf(messages);
  }

  /** The conversation as Markdown, the format people paste into issues and docs. */
  String toMarkdown() {
    StringBuilder markdown = new StringBuilder("# Chat transcript\n");
    for (Message message : messages) {
      String who = message.role() == Role.USER
          ? "You"
          : message.model().isEmpty() ? "Editor" : "Assistant (" + message.model() + ")";
      markdown.append("\n**").append(who).append(":**\n\n").append(message.text()).append('\n');
    }
    return markdown.toString();
  }
}
