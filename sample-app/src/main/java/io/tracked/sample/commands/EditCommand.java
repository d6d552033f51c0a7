package io.tracked.sample.commands;

import io.tracked.sample.documents.Document;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.models.FakeModel;
import io.tracked.sample.models.Generation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "/edit rename OLD to NEW": the model rewrites the whole file with the name changed, and the
 * editor swaps the new text in, as Continue's edit mode applies a model's rewrite.
 */
public final class EditCommand implements SlashCommand {

  private static final Pattern RENAME = Pattern.compile("\\s*rename\\s+(\\w+)\\s+to\\s+(\\w+)\\s*");

  private final Workspace workspace;
  private final FakeModel model;

  public EditCommand(Workspace workspace, FakeModel model) {
    this.workspace = workspace;
    this.model = model;
  }

  @Override
  public String name() {
    return "edit";
  }

  @Override
  public String run(String input, String filepath) {
    Matcher rename = RENAME.matcher(input);
    if (!rename.matches()) {
      return "This model can only rename for now: /edit rename OLD to NEW";
    }
    Document document = workspace.document(filepath);
    Pattern oldName = Pattern.compile("\\b" + Pattern.quote(rename.group(1)) + "\\b");
    String newName = Matcher.quoteReplacement(rename.group(2));
    long occurrences = oldName.matcher(document.text()).results().count();
    if (occurrences == 0) {
      return rename.group(1) + " does not occur in " + document.fileName() + ".";
    }
    String original = document.text();
    Generation rewrite = model.generate(
        input + "\n\n" + original, prompt -> oldName.matcher(original).replaceAll(newName));
    // The cursor stays after the same code: rename what was before it too and measure.
    int cursor = oldName.matcher(document.textBeforeCursor()).replaceAll(newName).length();
    document.replaceText(rewrite.output(), cursor);
    return "Renamed " + occurrences + " occurrences of " + rename.group(1) + " to " + rename.group(2) + ".";
  }
}
