package io.tracked.agent.sanitize;

/**
 * Credentials that have no vendor prefix to recognise them by, told by their shape: keys written as a
 * UUID or UUID-like groups (after a short prefix, with non-hex letters, or two joined), license-key
 * blocks ({@code XXXXX-XXXXX-XXXXX-XXXXX}), {@code id:secret} pairs, vendor prefixes followed by an
 * environment marker and a placeholder body ({@code <vendor>_live_xxxx}), short prefixed and dotted
 * three-part tokens, and short random alphanumerics judged by their character mix.
 *
 * <p>Each rule looks at one word s[from, to) and has must-keep neighbours it must spare: model ids
 * ({@code llama3.1:8b}, {@code claude-3-5-sonnet-20241022}), versions, dates, command ids, short commit
 * hashes and routes ({@code /chat/<uuid>}). Linear scans, no regular expressions.
 */
final class KeyShapes {

  private KeyShapes() {}

  /** Words that say the right side of {@code a:b} is a credential: user:app-password. */
  private static final String[] CREDENTIAL_WORDS = {"pass", "secret", "token", "pwd", "apikey", "api-key", "api_key"};

  /** Environment markers vendors put between their prefix and the key body: sk_live_, FLWSECK_TEST-. */
  private static final String[] ENVIRONMENTS = {"live", "test", "prod", "sandbox", "sbx", "dev"};

  /**
   * A UUID-shaped run (8-4-4-4-12 letters or digits, the outer groups possibly longer) inside the word:
   * after a prefix ({@code pat-na1-}, {@code api-}, {@code sub-c-}), joined to another ({@code <uuid>:<uuid>}),
   * with letters beyond hex or more characters after it. A run that follows a '/' is a route's id
   * ({@code /chat/<uuid>}) and is spared.
   */
  static boolean uuidInside(String s, int from, int to) {
    int count = 0; // how many runs of letters and digits joined by '-' fit the UUID shape so far
    int runStart = -1;
    boolean digit = false;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : ' ';
      if (Chars.isAlnum(c)) {
        if (runStart < 0) {
          runStart = i;
        }
        continue;
      }
      if (runStart >= 0) {
        int length = i - runStart;
        if (count == 0 && runStart > from && s.charAt(runStart - 1) == '/') {
          length = 0; // a route's id
        }
        int expected = count == 0 ? 8 : count == 4 ? 12 : 4;
        boolean fits = count == 0 || count == 4 ? length >= expected : length == expected;
        if (fits) {
          count++;
          digit |= Chars.skipDigits(s, runStart, i) > runStart || hasDigit(s, runStart, i);
        } else {
          count = length >= 8 ? 1 : 0;
          digit = count == 1 && hasDigit(s, runStart, i);
        }
        if (count == 5) {
          if (digit) {
            return true;
          }
          count = 0;
        }
        runStart = -1;
      }
      if (c != '-') {
        count = 0; // groups are joined by '-' only
        digit = false;
      }
    }
    return false;
  }

  private static boolean hasDigit(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Chars.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A short prefix and a UUID, as hosts write the ids they generate ({@code chat-<uuid>}, {@code
   * req_<uuid>}): kept only when the host declares the property a generated id.
   */
  static boolean prefixedUuid(String s) {
    int n = s.length();
    if (n < 38 || n > 36 + 17) {
      return false;
    }
    int start = n - 36;
    char joint = s.charAt(start - 1);
    if (!(joint == '-' || joint == '_' || joint == ':' || joint == '.') || !AnalyticsShapes.uuid(s.substring(start))) {
      return false;
    }
    for (int i = 0; i < start - 1; i++) {
      char c = s.charAt(i);
      if (!(Chars.isAlnum(c) || c == '-' || c == '_')) {
        return false;
      }
    }
    return start > 1;
  }

  /**
   * License-key blocks: three or more groups of 4 to 8 letters and digits joined by '-', one case only,
   * at least two groups holding digits and the key as a whole holding letters: {@code 7KJ2Q-XM4PL-...}.
   * Dates, UUIDs (judged before), lower-case platform triples ({@code aarch64-apple-darwin}) and model ids
   * with short parts ({@code claude-3-5-sonnet-20241022}) do not fit.
   */
  static boolean licenseKey(String s, int from, int to) {
    int groups = 0;
    int digitGroups = 0;
    int letters = 0;
    int minLength = Integer.MAX_VALUE;
    int maxLength = 0;
    boolean upper = false;
    boolean lower = false;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i < to && s.charAt(i) != '-') {
        char c = s.charAt(i);
        if (!Chars.isAlnum(c)) {
          return false;
        }
        continue;
      }
      int length = i - start;
      if (length < 4 || length > 8) {
        return false;
      }
      boolean digit = false;
      for (int k = start; k < i; k++) {
        char c = s.charAt(k);
        digit |= Chars.isDigit(c);
        if (Chars.isLetter(c)) {
          letters++;
          upper |= Chars.isUpper(c);
          lower |= Chars.isLower(c);
        }
      }
      digitGroups += digit ? 1 : 0;
      minLength = Math.min(minLength, length);
      maxLength = Math.max(maxLength, length);
      groups++;
      start = i + 1;
    }
    return groups >= 3 && digitGroups >= 2 && letters >= 3 && !(upper && lower) && maxLength - minLength <= 1;
  }

  /**
   * {@code account:secret}: one ':' (not a URL), a name on the left, and on the right a credential word
   * or at least six characters that are no tag: a tag is what model runners put there ({@code 8b},
   * {@code 1.5b-base}, {@code latest}, {@code Q4_K_M}, {@code v2:0}), words and sizes.
   */
  static boolean idSecretPair(String s, int from, int to) {
    int colon = Chars.indexOf(s, ':', from, to);
    if (colon <= from + 1 || colon + 6 > to || Chars.indexOf(s, ':', colon + 1, to) >= 0
        || Chars.indexOf(s, '/', from, to) >= 0) {
      return false;
    }
    for (int i = from; i < colon; i++) {
      char c = s.charAt(i);
      if (!(Chars.isAlnum(c) || c == '.' || c == '_' || c == '-' || c == '@')) {
        return false;
      }
    }
    for (int i = colon + 1; i < to; i++) {
      char c = Chars.lower(s.charAt(i));
      if (c == 'p' || c == 's' || c == 't' || c == 'a') {
        for (String word : CREDENTIAL_WORDS) {
          if (word.charAt(0) == c && Chars.startsWithIgnoreCase(s, i, word) && i + word.length() <= to) {
            return true;
          }
        }
      }
    }
    if (Chars.isDigit(s.charAt(from)) && Chars.isDigit(s.charAt(colon - 1)) && Chars.isDigit(s.charAt(colon + 1))) {
      return false; // 12:34, 2024-06-01T12:34 (timestamps are judged as such)
    }
    // the right side's runs of letters and digits: a random-looking one makes it a secret
    int runStart = -1;
    for (int i = colon + 1; i <= to; i++) {
      boolean alnum = i < to && Chars.isAlnum(s.charAt(i));
      if (alnum && runStart < 0) {
        runStart = i;
      } else if (!alnum && runStart >= 0) {
        if (i - runStart >= 6 && mixedRun(s, runStart, i, 2)) {
          return true;
        }
        runStart = -1;
      }
    }
    return false;
  }

  /**
   * {@code <vendor>_live_<body>}, {@code <vendor>_test_<body>}, {@code FLWSECK_TEST-<body>}: a prefix of two to
   * twelve letters and digits, an environment marker, and a body of eight or more characters that has
   * digits, capitals only, random-looking mixed case, or a placeholder run ({@code xxxxxxxx}, {@code 0000}). A known prefix
   * is enough: whatever follows it is a key or a key's placeholder. {@code unit_test_generation} stays.
   */
  static boolean environmentPrefixed(String s, int from, int to) {
    int sep = from;
    while (sep < to && Chars.isAlnum(s.charAt(sep))) {
      sep++;
    }
    if (sep - from < 2 || sep - from > 12 || sep + 6 >= to || (s.charAt(sep) != '_' && s.charAt(sep) != '-')) {
      return false;
    }
    char e = Chars.lower(s.charAt(sep + 1));
    if (e != 'l' && e != 't' && e != 'p' && e != 's' && e != 'd') {
      return false; // no environment marker starts here (most model ids: gpt-4o, claude-3-5)
    }
    for (String environment : ENVIRONMENTS) {
      int end = sep + 1 + environment.length();
      if (end < to && Chars.startsWithIgnoreCase(s, sep + 1, environment)
          && (s.charAt(end) == '_' || s.charAt(end) == '-') && placeholderOrKeyBody(s, end + 1, to)) {
        return true;
      }
    }
    return false;
  }

  private static boolean placeholderOrKeyBody(String s, int from, int to) {
    if (to - from < 8) {
      return false;
    }
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    int repeat = 1;
    int longestRepeat = 1;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      digit |= Chars.isDigit(c);
      upper |= Chars.isUpper(c);
      lower |= Chars.isLower(c);
      repeat = i > from && s.charAt(i - 1) == c ? repeat + 1 : 1;
      longestRepeat = Math.max(longestRepeat, repeat);
    }
    // camelCase words stay (run_test_forCurrentFile): mixed case counts only when it reads like no word
    return digit || (upper && !lower) || (upper && lower && Randomness.lowerSingletons(s, from, to) >= 2)
        || longestRepeat >= 4;
  }

  /**
   * Prefixed and compound tokens with no vendor table entry: a two- to four-letter prefix, '_' and a
   * random-looking body ({@code AB_x8Kd2mQ7}); three dotted parts of six or more characters, two of them
   * mixing letters and digits ({@code MTk4NjIy.Cl2FMQ.ZnCjm1XV}).
   */
  static boolean compoundToken(String s, int from, int to) {
    int underscore = Chars.indexOf(s, '_', from, to);
    if (underscore >= from + 2 && underscore <= from + 4 && to - underscore - 1 >= 8) {
      boolean prefix = true;
      for (int i = from; i < underscore; i++) {
        prefix &= Chars.isLetter(s.charAt(i));
      }
      boolean body = true;
      for (int i = underscore + 1; i < to; i++) {
        body &= Chars.isAlnum(s.charAt(i));
      }
      if (prefix && body && mixedRun(s, underscore + 1, to, 3)) {
        return true;
      }
    }
    int parts = 0;
    int mixed = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i < to && s.charAt(i) != '.') {
        char c = s.charAt(i);
        if (!(Chars.isAlnum(c) || c == '_' || c == '-')) {
          return false;
        }
        continue;
      }
      if (i - start < 6) {
        return false;
      }
      parts++;
      mixed += mixedRun(s, start, i, 2) ? 1 : 0;
      start = i + 1;
    }
    return parts == 3 && mixed >= 2;
  }

  /**
   * A run of 8 to 15 letters and digits that reads like no word or id: mixed case with digits switching
   * three times or more ({@code Xk9mQ2pL}), one case with digits switching four times or more
   * ({@code a8hk29xq}), or mixed case letters with lone lower-case letters between capitals
   * ({@code ZJzgEOzdQ}). Longer runs are {@link Randomness}'s; names, camelCase words, model ids
   * ({@code llama3p1}) and hex ids (short commit hashes) stay.
   */
  static boolean shortRandom(String s, int from, int to) {
    int n = to - from;
    if (n < 8 || n > 15) {
      return false;
    }
    int upper = 0;
    int lower = 0;
    int digits = 0;
    boolean hex = true;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Chars.isDigit(c)) {
        digits++;
      } else if (Chars.isUpper(c)) {
        upper++;
        hex = false;
      } else {
        lower++;
        hex &= c <= 'f';
      }
    }
    if (hex || digits == n || (digits == 0 && upper < 3)) {
      return false; // short commit hashes, trace ids, numbers and words are judged elsewhere
    }
    int switches = kindSwitches(s, from, to);
    if (digits > 0 && upper > 0 && lower > 0) {
      return switches >= 3 || (switches >= 2 && Randomness.lowerSingletons(s, from, to) >= 2)
          || Randomness.rarePairs(s, from, to) >= 0.3;
    }
    if (digits > 0) {
      return switches >= 4;
    }
    return lower >= 3 && Randomness.lowerSingletons(s, from, to) >= 2 && Randomness.rarePairs(s, from, to) >= 0.2;
  }

  /**
   * Under a name that suggests a key ({@code styleKey}, {@code licenseKey}, {@code accountKey}): a word of
   * letters and digits that mixes them ({@code a1b2c3d4}), or six or more digits, is taken for a key;
   * words ({@code java}, {@code createdAt}) and short numbers stay.
   */
  static boolean strictToken(String s) {
    int n = s.length();
    int runStart = -1;
    for (int i = 0; i <= n; i++) {
      boolean alnum = i < n && Chars.isAlnum(s.charAt(i));
      if (alnum && runStart < 0) {
        runStart = i;
      } else if (!alnum && runStart >= 0) {
        int length = i - runStart;
        int switches = kindSwitches(s, runStart, i);
        boolean digitsOnly = Chars.skipDigits(s, runStart, i) == i;
        if ((digitsOnly && length >= 6) || (length >= 6 && switches >= 2) || (length >= 8 && switches >= 1)) {
          return true;
        }
        runStart = -1;
      }
    }
    return false;
  }

  /** Whether s[from, to) mixes letters and digits, switching between them at least {@code switches} times. */
  private static boolean mixedRun(String s, int from, int to, int switches) {
    boolean letter = false;
    boolean digit = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      letter |= Chars.isLetter(c);
      digit |= Chars.isDigit(c);
    }
    return letter && digit && kindSwitches(s, from, to) >= switches;
  }

  private static int kindSwitches(String s, int from, int to) {
    int switches = 0;
    for (int i = from + 1; i < to; i++) {
      char a = s.charAt(i - 1);
      char b = s.charAt(i);
      if (Chars.isAlnum(a) && Chars.isAlnum(b) && Chars.isDigit(a) != Chars.isDigit(b)) {
        switches++;
      }
    }
    return switches;
  }

}
