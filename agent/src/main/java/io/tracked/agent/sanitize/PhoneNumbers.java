package io.tracked.agent.sanitize;

/**
 * Phone numbers: international ("+" and 8 to 15 digits), North American (3-3-4, "(415) 555-0132",
 * local 3-4) and national numbers with a trunk "0", and {@code tel:} URIs.
 */
final class PhoneNumbers {

  private PhoneNumbers() {}

  /**
   * Phone numbers: "+" and 8-15 digits with spaces, dots, dashes or brackets; "(415) 555-0132";
   * North American 3-3-4 groups (optionally after "1-") and local 3-4 numbers; national numbers with a trunk "0" and 9-11
   * digits in groups joined by one kind of separator; "tel:" URIs.
   */
  static boolean phone(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '+' && i + 1 < n && (Chars.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '(')
          && (i == 0 || !(Chars.isAlnum(s.charAt(i - 1)) || s.charAt(i - 1) == '.'))) {
        int digits = 0;
        int j = i + 1;
        while (j < n) {
          char d = s.charAt(j);
          if (Chars.isDigit(d)) {
            digits++;
          } else if (!(d == '(' || d == ')' || ((d == ' ' || d == '-' || d == '.') && j + 1 < n
              && (Chars.isDigit(s.charAt(j + 1)) || s.charAt(j + 1) == '(')))) {
            break;
          }
          j++;
        }
        if (digits >= 8 && digits <= 15 && !(j < n && Chars.isLetter(s.charAt(j)))) {
          return true;
        }
        i = j - 1;
      } else if (c == '(' && i + 5 < n && Chars.isDigit(s.charAt(i + 1)) && Chars.isDigit(s.charAt(i + 2))
          && Chars.isDigit(s.charAt(i + 3)) && s.charAt(i + 4) == ')') {
        int j = i + 5;
        if (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '-' || s.charAt(j) == '.')) {
          j++;
        }
        if (groups(s, j, n, 3, 4)) {
          return true;
        }
      } else if (Chars.isDigit(c) && PersonalNumbers.runStart(s, i)) {
        if (groups(s, i, n, 3, 3, 4) || (c == '1' && i + 1 < n && (s.charAt(i + 1) == '-' || s.charAt(i + 1) == ' ')
            && groups(s, i + 2, n, 3, 3, 4))) {
          return true;
        }
        if (i + 3 < n && s.charAt(i + 3) == '-' && groups(s, i, n, 3, 4)) {
          return true; // a local number: 555-0132
        }
        if (c == '0' && trunkNumber(s, i, n)) {
          return true;
        }
        i = Chars.skipDigits(s, i, n) - 1;
      } else if ((c == 't' || c == 'T') && Chars.startsWithIgnoreCase(s, i, "tel:") && i + 4 < n) {
        return true;
      }
    }
    return false;
  }

  /** Digit groups of the given sizes from {@code at}, each joined by one of ' ', '-', '.', ending at a boundary. */
  private static boolean groups(String s, int at, int n, int... sizes) {
    int j = at;
    for (int g = 0; g < sizes.length; g++) {
      int end = Chars.skipDigits(s, j, n);
      if (end - j != sizes[g]) {
        return false;
      }
      j = end;
      if (g < sizes.length - 1) {
        if (j + 1 < n && (s.charAt(j) == ' ' || s.charAt(j) == '-' || s.charAt(j) == '.')) {
          j++;
        } else {
          return false;
        }
      }
    }
    return !(j < n && (Chars.isAlnum(s.charAt(j))
        || ((s.charAt(j) == '-' || s.charAt(j) == '.') && j + 1 < n && Chars.isDigit(s.charAt(j + 1)))));
  }

  /** 07700 900123, 020 7946 0958, 06.12.34.56.78, 030-12345678, 0612345678, 0049 30 1234567. */
  private static boolean trunkNumber(String s, int at, int n) {
    int digits = 0;
    int groups = 0;
    char separator = 0;
    int j = at;
    while (j < n && digits <= 15) {
      int end = Chars.skipDigits(s, j, Math.min(n, j + 16));
      digits += end - j;
      groups++;
      j = end;
      if (j + 1 < n && (s.charAt(j) == ' ' || s.charAt(j) == '-' || s.charAt(j) == '.')
          && Chars.isDigit(s.charAt(j + 1))
          && (separator == 0 || separator == s.charAt(j))) {
        separator = s.charAt(j);
        j++;
      } else {
        break;
      }
    }
    if (j < n && Chars.isLetter(s.charAt(j))) {
      return false;
    }
    boolean international = at + 1 < n && s.charAt(at + 1) == '0';
    if (international) {
      return digits >= 10 && digits <= 15 && groups >= 2;
    }
    return digits >= 9 && digits <= 11 && at + 1 < n && s.charAt(at + 1) != '.';
  }

}
