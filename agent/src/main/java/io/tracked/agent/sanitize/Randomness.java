package io.tracked.agent.sanitize;

/**
 * Credentials of no known format, told apart by how random they look: long runs of letters and digits
 * that switch between digits and letters or between cases far more often than words and identifiers
 * do, with few vowels and a high Shannon entropy; long hex strings (hashes, keys); base64 blobs.
 *
 * <p>Identifiers are spared: camelCase names ({@code focusContinueInput}), model ids whose parts are
 * separated ({@code claude-3-5-sonnet-20241022}) and canonical UUIDs (judged before this) stay.
 */
final class Randomness {

  private Randomness() {}

  /**
   * Letter pairs that are rare inside English words and identifiers: bit {@code b} of entry {@code a}
   * is set when the pair (a, b) makes up less than 0.015 % of all pairs. Derived once, offline, from the
   * words and camelCase parts of the CPython 3.11 standard library sources (67 million pairs). Random
   * strings have about half of their pairs in this set; words and identifiers fewer than one in ten.
   */
  private static final long[] RARE_PAIRS = {
      0x0014280L, 0x2e9b4e2L, 0x2e1a242L, 0x2e12680L, 0x2000680L, 0x2e196c2L,
      0x3e1862eL, 0x2e1aeeeL, 0x1510380L, 0x3ebbfefL, 0x3bbfeeeL, 0x2c33680L,
      0x2e326ecL, 0x2430282L, 0x3010280L, 0x2e13642L, 0x3edffffL, 0x2810280L,
      0x2a0020aL, 0x2212642L, 0x3f10280L, 0x3ffbeeeL, 0x3f99e6eL, 0x3f77eeaL,
      0x3b306efL, 0x1ffbeeeL,
  };

  /**
   * Share of adjacent letter pairs of s[from, to) that are rare in words, counting, when there are
   * lower-case letters, only pairs that end in one (pairs across camelCase words and inside acronyms say
   * little); -1 when there are fewer than three pairs to judge by.
   */
  static double rarePairs(String s, int from, int to) {
    int pairs = 0;
    int rare = 0;
    boolean anyLower = false;
    for (int i = from; i < to && !anyLower; i++) {
      anyLower = Chars.isLower(s.charAt(i));
    }
    for (int i = from + 1; i < to; i++) {
      char x = s.charAt(i - 1);
      char y = s.charAt(i);
      if (anyLower && !Chars.isLower(y)) {
        continue; // a new camelCase word, or inside an acronym (SHA, RGB): not how words are spelled
      }
      char a = Chars.lower(x);
      char b = Chars.lower(y);
      if (Chars.isLower(a) && Chars.isLower(b)) {
        pairs++;
        if ((RARE_PAIRS[a - 'a'] >>> (b - 'a') & 1L) != 0) {
          rare++;
        }
      }
    }
    return pairs < 3 ? -1 : rare / (double) pairs;
  }

  /** {@code true} when a word s[from, to) holds a random-looking run or is a base64 blob. */
  static boolean randomWord(String s, int from, int to) {
    int runStart = -1;
    for (int i = from; i <= to; i++) {
      boolean alnum = i < to && Chars.isAlnum(s.charAt(i));
      if (alnum && runStart < 0) {
        runStart = i;
      } else if (!alnum && runStart >= 0) {
        boolean mailbox = (i < to && s.charAt(i) == '@') || (runStart > from && s.charAt(runStart - 1) == '@');
        if (i - runStart >= 16 && !mailbox && randomRun(s, runStart, i)) {
          return true; // (a run next to an '@' is an e-mail address's, judged as one)
        }
        runStart = -1;
      }
    }
    return to - from >= 20 && base64Blob(s, from, to);
  }

  /** One run of letters and digits, at least 16 long. */
  static boolean randomRun(String s, int from, int to) {
    int n = to - from;
    int upper = 0;
    int lower = 0;
    int digits = 0;
    int kindSwitches = 0;
    boolean hex = true;
    char previous = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Chars.isDigit(c)) {
        digits++;
      } else if (Chars.isUpper(c)) {
        upper++;
      } else {
        lower++;
      }
      hex &= Chars.isHex(c);
      if (i > from) {
        if (Chars.isDigit(c) != Chars.isDigit(previous)) {
          kindSwitches++;
        }
      }
      previous = c;
    }
    int letters = upper + lower;
    if (letters == 0) {
      return false; // a number: the number detectors judge it
    }
    if (hex) {
      return n >= 32 && digits > 0; // hashes and hex keys; shorter hex ids (trace ids, short SHAs) stay
    }
    if (digits == 0 && (upper == 0 || lower == 0)) {
      return false; // one-case words
    }
    double rare = rarePairs(s, from, to);
    int singles = lowerSingletons(s, from, to);
    if (rare >= 0.3 || (singles >= 3 && upper >= 3 && (rare >= 0.1 || singles >= 4))) {
      return true; // reads like no word: "ZJzzzzgEOzdmenCk"
    }
    if (rare >= 0.15 && kindSwitches >= 4) {
      return true;
    }
    if (n >= 20 && rare >= 0.12 && upper * 20 >= letters * 7 && upper * 20 <= letters * 17
        && lowerRunMean(s, from, to) <= 2.5) {
      return true; // case flips every letter or two, half of the letters capitals: "AAebOuTCzUHLAWNAEagKWBTQ"
    }
    return kindSwitches >= 6 && entropy(s, from, to) >= 3.3; // digits all through: "k8s7d9f2h3j4l5m6"
  }

  /**
   * Lower-case letters standing alone between capitals or digits ("Xk9mQ2", "bPxR"): camelCase words
   * have runs of two or more lower-case letters after each capital; random mixed-case strings have many
   * single ones.
   */
  static int lowerSingletons(String s, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (Chars.isLower(s.charAt(i)) && (i == from || !Chars.isLower(s.charAt(i - 1)))
          && (i + 1 == to || !Chars.isLower(s.charAt(i + 1)))) {
        count++;
      }
    }
    return count;
  }

  /** Mean length of the runs of lower-case letters: about 2 in random mixed-case strings, 4 or more in camelCase. */
  private static double lowerRunMean(String s, int from, int to) {
    int runs = 0;
    int letters = 0;
    for (int i = from; i < to; i++) {
      if (Chars.isLower(s.charAt(i))) {
        letters++;
        if (i == from || !Chars.isLower(s.charAt(i - 1))) {
          runs++;
        }
      }
    }
    return runs == 0 ? 0 : letters / (double) runs;
  }

  /**
   * A word of base64 or base64url characters only ({@code A-Z a-z 0-9 + / = - _}), 32 or more long,
   * with upper and lower case and digits, and a part of ten or more characters that reads like no
   * word: an AWS secret access key, a storage account key, a token of unknown format.
   */
  static boolean base64Blob(String s, int from, int to) {
    boolean punctuation = false;
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (Chars.isUpper(c)) {
        upper = true;
      } else if (Chars.isLower(c)) {
        lower = true;
      } else if (Chars.isDigit(c)) {
        digit = true;
      } else if (c == '+' || c == '/' || c == '=' || c == '-' || c == '_') {
        punctuation = true;
      } else {
        return false;
      }
    }
    if (!(upper && lower && digit && punctuation)) {
      return false; // a single run of letters and digits is randomRun's to judge
    }
    int runStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || !Chars.isAlnum(s.charAt(i))) {
        if (i - runStart >= 10 && (rarePairs(s, runStart, i) >= 0.25 || lowerSingletons(s, runStart, i) >= 2
            || switchDensity(s, runStart, i) >= 0.45)) {
          return true;
        }
        runStart = i + 1;
      }
    }
    return false;
  }

  private static double switchDensity(String s, int from, int to) {
    int switches = 0;
    for (int i = from + 1; i < to; i++) {
      char a = s.charAt(i - 1);
      char b = s.charAt(i);
      if (Chars.isDigit(a) != Chars.isDigit(b) || (!Chars.isDigit(a) && Chars.isUpper(a) != Chars.isUpper(b))) {
        switches++;
      }
    }
    return switches / (double) (to - from);
  }

  /** Shannon entropy in bits per character of s[from, to) (ASCII letters and digits). */
  static double entropy(String s, int from, int to) {
    int[] counts = new int[128];
    for (int i = from; i < to; i++) {
      counts[s.charAt(i) & 127]++;
    }
    double n = to - from;
    double bits = 0;
    for (int count : counts) {
      if (count > 0) {
        double p = count / n;
        bits -= p * Math.log(p);
      }
    }
    return bits / Math.log(2);
  }
}
