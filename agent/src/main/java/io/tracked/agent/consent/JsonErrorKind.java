package io.tracked.agent.consent;

import com.fasterxml.jackson.core.JsonParseException;
import java.util.Locale;

/**
 * Names what is wrong in a malformed JSON file without quoting it. Jackson's messages embed the
 * characters or token they met ({@code Unrecognized token 'sk_live_...'}), and a config file that a
 * user broke while pasting a key would then print part of that key on the host's stderr.
 */
final class JsonErrorKind {

  private JsonErrorKind() {}

  static String of(JsonParseException malformed) {
    String message = malformed.getOriginalMessage();
    String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (lower.contains("end-of-input") || lower.contains("end of input")) {
      return "the file ends in the middle of a value";
    }
    if (lower.contains("unrecognized token")) {
      return "a word that is not true, false, null, a number or a quoted string";
    }
    if (lower.contains("unexpected character")) {
      return "a character that does not belong there";
    }
    if (lower.contains("illegal unquoted character") || lower.contains("control character")) {
      return "a control character inside a string";
    }
    if (lower.contains("invalid utf-8") || lower.contains("invalid utf8")) {
      return "bytes that are not UTF-8 text";
    }
    if (lower.contains("unexpected content after")) {
      return "more content after the top-level object";
    }
    if (lower.contains("unexpected close marker") || lower.contains("unexpected end-of")) {
      return "brackets that do not match";
    }
    return "a syntax error";
  }
}
