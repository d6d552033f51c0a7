package io.tracked.agent.sanitize;

/**
 * Judges one string by its content. A UUID is kept only when the host declared the property an id it
 * generated ({@link #GENERATED_ID}), else dropped as a possible key; ISO timestamps and keyboard
 * shortcuts, which cannot hold personal data, are kept at once; then detectors run in order of how
 * specific their reason is — private keys, secrets (vendor formats and the shapes of keys without a
 * prefix, {@link KeyShapes}), URLs with credentials, e-mail addresses, URLs, paths, IP and MAC
 * addresses, card numbers, IBANs, national ids, phone numbers, host names, cloud accounts, people's
 * names — on the whole string and on each of its words, so that personal data inside an otherwise
 * harmless string is found too. What no detector objects to is kept only if it is an analytics token (one word of
 * letters, digits and {@code . _ : @ / + # $ -}, at most {@link Limits#maxKeptLength()} long), a product
 * name or a written timestamp; everything else is text (a prompt, code, a stack trace) and dropped.
 *
 * <p>Cost is linear in the length: strings longer than {@link Limits#maxScanLength()} are dropped
 * without being read, and every detector is a hand-written single pass (no regular expressions).
 */
final class StringClassifier {

  private static final Verdict KEEP_EMPTY = Verdict.keep("", Reasons.EMPTY);
  private static final Verdict DROP_TOO_LONG = Verdict.drop(Reasons.TOO_LONG);
  private static final Verdict DROP_UNDECLARED_ID = Verdict.drop(Reasons.UNDECLARED_ID);
  private static final Verdict DROP_SECRET = Verdict.drop(Reasons.SECRET);

  private final Limits limits;

  StringClassifier(Limits limits) {
    this.limits = limits;
  }

  /** Hint: the host declared the property an id it generated itself; a UUID (with a short prefix) is kept. */
  static final int GENERATED_ID = 1;

  /** Hint: the property's name suggests a key (styleKey, accountSid): a token mixing letters and digits is dropped. */
  static final int KEY_NAME = 2;

  Verdict classify(String s) {
    return classify(s, 0);
  }

  Verdict classify(String s, int hints) {
    int n = s.length();
    if (n == 0) {
      return KEEP_EMPTY;
    }
    if (n > limits.maxScanLength()) {
      return DROP_TOO_LONG;
    }
    if ((n == 36 || n == 38) && AnalyticsShapes.uuid(s)) {
      // a vendor's key can be a bare UUID: only an id the host says it generated is sent (README: UUIDs)
      return (hints & GENERATED_ID) != 0 ? Verdict.keep(s, Reasons.UUID) : DROP_UNDECLARED_ID;
    }
    if (n > 37 && n <= 53 && KeyShapes.prefixedUuid(s)) {
      return (hints & GENERATED_ID) != 0 ? Verdict.keep(s, Reasons.UUID) : DROP_UNDECLARED_ID;
    }
    if (n <= 40 && Chars.isDigit(s.charAt(0)) && AnalyticsShapes.isoTimestamp(s)) {
      return Verdict.keep(s, Reasons.TIMESTAMP);
    }
    if (n <= 60 && !Chars.isDigit(s.charAt(0)) && Shortcuts.candidate(s) && Shortcuts.shortcut(s)) {
      return Verdict.keep(s, Reasons.SHORTCUT); // one key after modifiers: nothing typed can hide in it
    }
    int digits = 0;
    int stars = 0;
    int dots = 0;
    int colons = 0;
    int dashes = 0;
    boolean token = true;
    boolean multiLine = false;
    boolean assignment = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Chars.isDigit(c)) {
        digits++;
      } else if (Chars.isLetter(c)) {
        continue;
      } else if (c == '.') {
        dots++;
      } else if (c == ':') {
        colons++;
        assignment = true;
      } else if (c == '-') {
        dashes++;
      } else if (c == '_' || c == '@' || c == '/' || c == '+' || c == '#' || c == '$') {
        continue;
      } else if (c == '*') {
        stars++;
      } else {
        token = false;
        if (c == '\n' || c == '\r') {
          multiLine = true;
        } else if (c == '=') {
          assignment = true;
        }
      }
    }
    if (stars > 0 && token) {
      // a pricing wildcard (gpt-4o-*, anthropic/*) is kept when all else is model vocabulary; a glob is not
      return n <= limits.maxKeptLength() && ModelIds.vocabularyPath(s, 0, n)
          ? Verdict.keep(s, Reasons.IDENTIFIER) : Verdict.drop(Reasons.FREE_TEXT);
    }
    String reason = detect(s, token, digits, dots, colons, dashes, assignment);
    if (reason != null) {
      return Verdict.drop(reason);
    }
    if (n > limits.maxKeptLength()) {
      return DROP_TOO_LONG;
    }
    if (token) {
      if (passwordLike(s) || ((hints & KEY_NAME) != 0 && KeyShapes.strictToken(s))) {
        return DROP_SECRET;
      }
      return Verdict.keep(s, s.charAt(0) == '/' ? Reasons.ROUTE : Reasons.IDENTIFIER);
    }
    if (!multiLine) {
      if (AnalyticsShapes.productPhrase(s)) {
        return Verdict.keep(s, Reasons.PRODUCT_NAME);
      }
      if (AnalyticsShapes.timestampPhrase(s)) {
        return Verdict.keep(s, Reasons.TIMESTAMP);
      }
      if (AnalyticsShapes.groupedNumber(s)) {
        return Verdict.keep(s, Reasons.NUMBER);
      }
    }
    return Verdict.drop(FreeText.classify(s, multiLine));
  }

  /** The most specific reason to drop s, or {@code null} when no detector objects. */
  static String detect(String s, boolean token, int digits, int dots, int colons, int dashes, boolean assignment) {
    int n = s.length();
    String reason;
    if (n >= 10 && (reason = SecretFormats.privateKey(s)) != null) {
      return reason;
    }
    if (!token && SecretFormats.authorizationValue(s)) {
      return Reasons.SECRET;
    }
    for (int a = nextWord(s, 0); a < n; a = nextWord(s, a)) {
      int b = token ? n : wordEnd(s, a); // a token has no separator: it is one word
      boolean url = Chars.indexOf(s, "://", a, b) > a;
      if (url && Network.url(s, a, b) == Reasons.URL_CREDENTIALS) {
        return Reasons.URL_CREDENTIALS; // user:password@, ?token=
      }
      if ((reason = SecretFormats.findToken(s, a, b)) != null) {
        return reason == Reasons.SECRET && url ? Reasons.URL_CREDENTIALS : reason; // a token inside a URL
      }
      if (b - a >= 16 && Chars.indexOf(s, '@', a, b) < 0 && Randomness.randomWord(s, a, b)) {
        return url ? Reasons.URL_CREDENTIALS : Reasons.SECRET;
      }
      a = b;
    }
    if (assignment && SecretFormats.secretAssignment(s)) {
      return Reasons.SECRET;
    }
    if (!token && n >= 12 && FreeText.stackTrace(s)) {
      return Reasons.STACK_TRACE; // the paths, hosts and addresses in it are part of the trace
    }
    String url = null;
    if (s.indexOf("://") >= 0 || s.indexOf("www.") >= 0 || s.indexOf("WWW.") >= 0) {
      for (int a = nextWord(s, 0); a < n; a = nextWord(s, a)) {
        int b = token ? n : wordEnd(s, a); // a token has no separator: it is one word
        String found = Network.url(s, a, b);
        if (found == Reasons.URL_CREDENTIALS || found == Reasons.PATH) {
          return found;
        }
        if (found != null) {
          url = found;
        }
        a = b;
      }
    }
    if (s.indexOf('@') >= 0 && Network.email(s, 0, n)) {
      return Reasons.EMAIL;
    }
    if (url != null) {
      return url;
    }
    for (int a = nextWord(s, 0); a < n; a = nextWord(s, a)) {
      int b = token ? n : wordEnd(s, a); // a token has no separator: it is one word
      if (FilePaths.path(s, a, b)) {
        return Reasons.PATH;
      }
      a = b;
    }
    if (dots >= 3 && digits >= 4 && Network.ipv4(s, 0, n)) {
      return Reasons.IP_ADDRESS;
    }
    if (colons >= 2 && Network.ipv6(s, 0, n)) {
      return Reasons.IP_ADDRESS;
    }
    if ((colons >= 5 || dashes >= 5 || dots >= 2) && digits >= 1 && Network.mac(s, 0, n)) {
      return Reasons.MAC_ADDRESS;
    }
    if (digits >= 4 && (reason = PersonalNumbers.find(s, digits)) != null) {
      return reason;
    }
    for (int a = nextWord(s, 0); a < n; a = nextWord(s, a)) {
      int b = token ? n : wordEnd(s, a); // a token has no separator: it is one word
      if (Network.host(s, a, b)) {
        return Reasons.HOST_NAME;
      }
      if (colons >= 2 && Network.cloudAccount(s, a, b)) {
        return Reasons.ACCOUNT_ID;
      }
      a = b;
    }
    if (token && (PersonNames.userName(s, 0, n) || PersonNames.embeddedUserName(s))) {
      return Reasons.PERSON_NAME; // in text, names are judged as phrases: "i.price" in code is no person
    }
    if (token && n >= 8) {
      return keyShape(s, digits, dots, colons, dashes); // (text is dropped as text whatever keys it holds)
    }
    return null;
  }

  /**
   * The reason a one-word value with no vendor prefix is still a credential ({@link KeyShapes}), or
   * {@code null}. Each shape is scanned only when the classifier's counts allow it, so most identifiers
   * cost one pass over their runs of letters and digits.
   */
  private static String keyShape(String s, int digits, int dots, int colons, int dashes) {
    int n = s.length();
    if (digits > 0 && dashes >= 4 && n >= 36 && s.indexOf('@') < 0 && KeyShapes.uuidInside(s, 0, n)) {
      return n <= 53 && KeyShapes.prefixedUuid(s) ? Reasons.UNDECLARED_ID : Reasons.SECRET;
    }
    if (s.indexOf('@') >= 0 || s.indexOf('/') >= 0) {
      return null; // e-mail addresses, routes and model paths are judged as such (a route's UUID is spared above)
    }
    if ((colons == 1 && KeyShapes.idSecretPair(s, 0, n)) || KeyShapes.environmentPrefixed(s, 0, n)) {
      return Reasons.SECRET;
    }
    if (digits > 0 && dashes >= 2 && KeyShapes.licenseKey(s, 0, n)) {
      return Reasons.SECRET;
    }
    int underscore = digits > 0 ? s.indexOf('_') : -1;
    if (((underscore >= 2 && underscore <= 4) || (digits > 0 && dots == 2)) && KeyShapes.compoundToken(s, 0, n)) {
      return Reasons.SECRET;
    }
    int runStart = -1;
    for (int i = 0; i <= n; i++) {
      if (i < n && Chars.isAlnum(s.charAt(i))) {
        if (runStart < 0) {
          runStart = i;
        }
      } else if (runStart >= 0) {
        if (i - runStart >= 8 && i - runStart <= 15 && KeyShapes.shortRandom(s, runStart, i)) {
          return Reasons.SECRET;
        }
        runStart = -1;
      }
    }
    return null;
  }

  /** The start of the next word at or after {@code from}, or the length when there is none. */
  private static int nextWord(String s, int from) {
    int n = s.length();
    int i = from;
    while (i < n && Chars.isWordSeparator(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int wordEnd(String s, int from) {
    int n = s.length();
    int i = from;
    while (i < n && !Chars.isWordSeparator(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** P@ssw0rd, Secr3t#Key, Pa$$w0rd: one word with upper and lower case, a digit and an '@', '#' or '$' inside. */
  static boolean passwordLike(String s) {
    int n = s.length();
    if (n < 6 || n > 40 || s.startsWith("lambda$")) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    boolean symbol = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Chars.isUpper(c)) {
        upper = true;
      } else if (Chars.isLower(c)) {
        lower = true;
      } else if (Chars.isDigit(c)) {
        digit = true;
      } else if ((c == '@' || c == '#') && i > 0) {
        symbol = true;
      } else if (c == '$' && i > 0) {
        // Pa$$w0rd, but not a Java nested class (Outer$Inner, Outer$1) or lambda (lambda$main$0)
        symbol |= i + 1 == n || s.charAt(i + 1) == '$' || Chars.isLower(s.charAt(i + 1));
      } else {
        return false;
      }
    }
    return upper && lower && digit && symbol;
  }
}
