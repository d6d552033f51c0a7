package io.tracked.agent.sanitize;

/** ASCII character tests and small string helpers shared by the detectors. */
final class Chars {

  /** An immutable set of words; unlike {@code Set.of}, a repeated word is not an error. */
  static java.util.Set<String> words(String... words) {
    return java.util.Set.copyOf(java.util.Arrays.asList(words));
  }

  private Chars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean isLetter(char c) {
    return isUpper(c) || isLower(c);
  }

  static boolean isAlnum(char c) {
    return isDigit(c) || isLetter(c);
  }

  static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static char lower(char c) {
    return isUpper(c) ? (char) (c + 32) : c;
  }

  /** Characters that end a word when a string is read as words: white space, quotes, brackets, commas. */
  static boolean isWordSeparator(char c) {
    if (c <= ' ') {
      return true;
    }
    switch (c) {
      case '"':
      case '\'':
      case '`':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '<':
      case '>':
      case ',':
      case ';':
      case '|':
      case '\u00a0':
      case '\u2028':
      case '\u2029':
      case '\u201c':
      case '\u201d':
      case '\u2018':
      case '\u2019':
      case '\u00ab':
      case '\u00bb':
        return true;
      default:
        return Character.isWhitespace(c) || Character.isISOControl(c);
    }
  }

  /** {@code true} when {@code s} has {@code prefix} at {@code at}, ignoring ASCII case. */
  static boolean startsWithIgnoreCase(String s, int at, String prefix) {
    return at >= 0 && s.regionMatches(true, at, prefix, 0, prefix.length());
  }

  /** Index of the first character at or after {@code from} (before {@code to}) that is not a digit, or {@code to}. */
  static int skipDigits(String s, int from, int to) {
    int i = from;
    while (i < to && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code true} when the character before {@code at} (if any) is not a letter or digit. */
  static boolean boundaryBefore(String s, int at, int from) {
    return at <= from || !isAlnum(s.charAt(at - 1));
  }

  /** {@code true} when the character at {@code at} (if any) is not a letter or digit. */
  static boolean boundaryAt(String s, int at, int to) {
    return at >= to || !isAlnum(s.charAt(at));
  }

  /** Index of {@code c} in s[from, to), or -1; never looks outside the range (scans stay linear). */
  static int indexOf(String s, char c, int from, int to) {
    for (int i = Math.max(from, 0); i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** Last index of {@code c} in s[from, to), or -1; never looks outside the range. */
  static int lastIndexOf(String s, char c, int from, int to) {
    for (int i = to - 1; i >= from && i >= 0; i--) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  /** Index of {@code needle} inside s[from, to), or -1; never looks outside the range. */
  static int indexOf(String s, String needle, int from, int to) {
    char first = needle.charAt(0);
    for (int i = Math.max(from, 0); i + needle.length() <= to; i++) {
      if (s.charAt(i) == first && s.startsWith(needle, i)) {
        return i;
      }
    }
    return -1;
  }

  /** The ASCII lower case of s[from, to) (allocates; callers use it only after cheaper checks pass). */
  static String lowerCase(String s, int from, int to) {
    char[] chars = new char[to - from];
    for (int i = from; i < to; i++) {
      chars[i - from] = lower(s.charAt(i));
    }
    return new String(chars);
  }
}
