package io.tracked.sample.autocomplete;

import io.tracked.sample.documents.Document;
import io.tracked.sample.models.FakeModel;
import io.tracked.sample.models.Generation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Proposes how to continue the line being typed, from the text before the cursor only (as
 * fill-in-the-middle models see it). The "model" here follows two rules people rely on in real
 * code: a line that starts like an earlier one usually ends like it (the most recent one wins), and
 * a half-typed word is usually a name already used in the file.
 */
public final class AutocompleteEngine {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TRAILING_PARTIAL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*$");

  private final FakeModel model;

  public AutocompleteEngine(FakeModel model) {
    this.model = model;
  }

  /** A suggestion for the cursor of {@code document}, or nothing when no rule applies. */
  public Optional<Suggestion> propose(Document document) {
    String prefix = document.textBeforeCursor();
    Generation generation = model.generate(prefix, AutocompleteEngine::continuation);
    if (generation.output().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Suggestion(
            document.path(),
            document.fileExtension(),
            prefix,
            generation.output(),
            model.config(),
            generation.latencyMs()));
  }

  /** The continuation of the last line of {@code prefix}; "" when there is none. */
  static String continuation(String prefix) {
    int lineStart = prefix.lastIndexOf('\n') + 1;
    String typed = prefix.substring(lineStart).stripLeading();
    if (typed.isBlank()) {
      return ""; // nothing typed on this line yet: any guess would be noise
    }
    String fromEarlierLine = endOfMatchingLine(prefix.substring(0, lineStart), typed);
    return fromEarlierLine.isEmpty() ? restOfKnownName(prefix) : fromEarlierLine;
  }

  private static String endOfMatchingLine(String earlierText, String typed) {
    String[] lines = earlierText.split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i].strip();
      if (line.length() > typed.length() && line.startsWith(typed)) {
        return line.substring(typed.length());
      }
    }
    return "";
  }

  /** Completes the partial word at the end with the name used most often (then most recently). */
  private static String restOfKnownName(String prefix) {
    Matcher partialMatch = TRAILING_PARTIAL.matcher(prefix);
    if (!partialMatch.find() || partialMatch.group().length() < 2) {
      return "";
    }
    String partial = partialMatch.group();
    Map<String, Integer> uses = new HashMap<>();
    Map<String, Integer> lastUse = new HashMap<>();
    Matcher names = IDENTIFIER.matcher(prefix.substring(0, partialMatch.start()));
    while (names.find()) {
      String name = names.group();
      if (name.length() > partial.length() && name.startsWith(partial)) {
        uses.merge(name, 1, Integer::sum);
        lastUse.put(name, names.start());
      }
    }
    return uses.keySet().stream()
        .max((a, b) -> uses.get(a).equals(uses.get(b))
            ? Integer.compare(lastUse.get(a), lastUse.get(b))
            : Integer.compare(uses.get(a), uses.get(b)))
        .map(name -> name.substring(partial.length()))
        .orElse("");
  }
}
