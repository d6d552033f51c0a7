package io.tracked.sample.chat;

import io.tracked.sample.documents.Document;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the fake chat model answers: it picks out the names the question shares with the attached
 * file and answers in the shape the question asks for (a test, a fix, an explanation). Crude, but
 * deterministic and about the user's actual code, which is what a sample needs.
 */
final class ChatResponder {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{3,}");

  private ChatResponder() {}

  static String answer(String question, Document context) {
    Set<String> shared = sharedNames(question, context.text());
    String subject = shared.isEmpty() ? context.fileName() : "`" + String.join("`, `", shared) + "`";
    String lower = question.toLowerCase(Locale.ROOT);
    if (lower.contains("test")) {
      return "Here is a test for "
          + subject
          + ":\n\n```\n@Test\nvoid dueDateIsNotLate() {\n  // arrange an invoice due today, then assert no late fee\n}\n```";
    }
    if (lower.contains("why") || lower.contains("fix")) {
      return "In "
          + context.fileName()
          + ", "
          + subject
          + " is computed from the full balance every time it is called; call it once per billing"
          + " period and store the result, so that a second call cannot charge the fee again.";
    }
    return "In " + context.fileName() + ", " + subject + " is where I would start looking.";
  }

  private static Set<String> sharedNames(String question, String code) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = NAME.matcher(question);
    while (matcher.find()) {
      String name = matcher.group();
      boolean looksLikeCode = !name.equals(name.toLowerCase(Locale.ROOT)) || name.contains("_");
      if (looksLikeCode && code.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
