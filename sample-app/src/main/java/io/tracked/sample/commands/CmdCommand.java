package io.tracked.sample.commands;

import io.tracked.sample.documents.Document;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.models.FakeModel;
import io.tracked.sample.models.Generation;
import java.util.Locale;

/**
 * "/cmd request": the model turns a request into a shell command that the chat shows. The sample
 * never runs it: a demo must not execute anything on the machine it runs on.
 */
public final class CmdCommand implements SlashCommand {

  private final Workspace workspace;
  private final FakeModel model;

  public CmdCommand(Workspace workspace, FakeModel model) {
    this.workspace = workspace;
    this.model = model;
  }

  @Override
  public String name() {
    return "cmd";
  }

  @Override
  public String run(String input, String filepath) {
    Document document = workspace.document(filepath);
    Generation command = model.generate(input, request -> commandFor(request, document));
    return "Suggested command (not run): " + command.output();
  }

  private static String commandFor(String request, Document document) {
    String lower = request.toLowerCase(Locale.ROOT);
    boolean python = document.fileExtension().equals("py");
    if (lower.contains("test")) {
      String name = document.fileName();
      String className = name.substring(0, name.lastIndexOf('.'));
      return python ? "python3 -m pytest -q" : "mvn -q test -Dtest=" + className + "Test";
    }
    if (lower.contains("build") || lower.contains("package")) {
      return python ? "python3 -m build" : "mvn -q package";
    }
    return "git status --short";
  }
}
