package io.tracked.sample.commands;

import io.tracked.sample.documents.Document;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.models.FakeModel;
import io.tracked.sample.models.Generation;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "/comment": asks the model for a one-line comment on the function around the cursor and inserts it above. */
public final class CommentCommand implements SlashCommand {

  private static final Pattern JAVA_DECLARATION = Pattern.compile(
      "^(\\s*)(?:(?:public|protected|private|static|final)\\s+)*[\\w<>\\[\\]]+\\s+(\\w+)\\s*\\([^)]*\\)\\s*\\{\\s*$");
  private static final Pattern PYTHON_DECLARATION = Pattern.compile("^(\\s*)def\\s+(\\w+)\\s*\\(.*$");
  private static final Pattern NAME = Pattern.compile("\\b[a-z]\\w{2,}\\b");
  private static final Set<String> KEYWORDS = Set.of(
      "return", "public", "protected", "private", "static", "final", "void", "int", "long",
      "boolean", "true", "false", "null", "this", "new", "for", "else", "def", "self", "elif",
      "not", "and", "with", "while", "try", "except", "import", "from");

  private final Workspace workspace;
  private final FakeModel model;

  public CommentCommand(Workspace workspace, FakeModel model) {
    this.workspace = workspace;
    this.model = model;
  }

  @Override
  public String name() {
    return "comment";
  }

  @Override
  public String run(String input, String filepath) {
    Document document = workspace.document(filepath);
    boolean python = document.fileExtension().equals("py");
    Pattern declaration = python ? PYTHON_DECLARATION : JAVA_DECLARATION;
    String before = document.textBeforeCursor();
    // Walk back line by line from the cursor to the nearest declaration.
    int lineEnd = before.length();
    while (lineEnd >= 0) {
      int lineStart = before.lastIndexOf('\n', lineEnd - 1) + 1;
      Matcher matcher = declaration.matcher(before.substring(lineStart, lineEnd));
      if (matcher.matches()) {
        String indent = matcher.group(1);
        String function = matcher.group(2);
        String body = before.substring(lineStart);
        String marker = python ? "# " : "// ";
        Generation generation = model.generate(
            "Write a one-line comment for " + function + ":\n" + body,
            prompt -> marker + describe(function, body));
        document.insertAt(lineStart, indent + generation.output() + "\n");
        return "Added a comment above " + function + "().";
      }
      if (lineStart == 0) {
        break;
      }
      lineEnd = lineStart - 1;
    }
    return "There is no function around the cursor to comment.";
  }

  private static String describe(String function, String body) {
    Set<String> uses = new LinkedHashSet<>();
    Matcher names = NAME.matcher(body);
    while (names.find() && uses.size() < 4) {
      if (!names.group().equals(function) && !KEYWORDS.contains(names.group())) {
        uses.add(names.group());
      }
    }
    return uses.isEmpty()
        ? function + ": see the body below."
        : function + ": works from " + String.join(", ", uses) + ".";
  }
}
