package io.tracked.agent.sanitize;

/**
 * Numbers that identify a person or an account, found in a string: payment card numbers
 * ({@link PaymentCards}), IBANs ({@link Ibans}), phone numbers ({@link PhoneNumbers}) and national
 * identifiers ({@link NationalIds}, one table line per format: US SSN and EIN, UK NINO, Canadian SIN,
 * German Steuer-ID, French NIR, Dutch BSN, Spanish DNI/NIE, Italian codice fiscale, Brazilian CPF/CNPJ,
 * Indian Aadhaar and PAN, Chinese resident id, Korean RRN, Nordic personal numbers, Polish PESEL, Swiss
 * AHV, Belgian national number, Singapore NRIC, Mexican CURP, Irish PPS).
 *
 * <p>Digit strings are read as runs of digit groups joined by single separators; every scan is linear.
 * A digit string that matches no format (and no checksum) is left alone: it may be a count or a time.
 */
final class PersonalNumbers {

  private PersonalNumbers() {}

  /**
   * The reason for the first personal number in s, or {@code null}. {@code digits} is the number of
   * ASCII digits in s, used to skip the scans that cannot match.
   */
  static String find(String s, int digits) {
    int n = s.length();
    if (digits >= 8 && n >= 15 && Ibans.iban(s)) {
      return Reasons.IBAN;
    }
    if (digits >= 7) {
      String reason = digitRuns(s);
      if (reason != null) {
        return reason;
      }
      if (PhoneNumbers.phone(s)) {
        return Reasons.PHONE_NUMBER;
      }
    }
    if (digits >= 4 && lettered(s)) {
      return Reasons.NATIONAL_ID;
    }
    return null;
  }

  /** Card numbers and digit-only national ids in runs like "4111 1111 1111 1111" or "123-45-6789". */
  private static String digitRuns(String s) {
    int n = s.length();
    byte[] digits = null;
    int[] groupStart = new int[24];
    int[] groupLength = new int[24];
    char[] separator = new char[24];
    int i = 0;
    while (i < n) {
      if (!Chars.isDigit(s.charAt(i)) || !runStart(s, i)) {
        i++;
        continue;
      }
      if (digits == null) {
        digits = new byte[n];
      }
      int count = 0;
      int groups = 0;
      int j = i;
      boolean overflow = false;
      while (j < n) {
        int g = j;
        while (j < n && Chars.isDigit(s.charAt(j))) {
          digits[count++] = (byte) (s.charAt(j) - '0');
          j++;
        }
        if (groups < groupStart.length) {
          groupStart[groups] = count - (j - g);
          groupLength[groups] = j - g;
          separator[groups] = j < n ? s.charAt(j) : 0;
        } else {
          overflow = true;
        }
        groups++;
        if (j + 1 < n && isSeparator(s.charAt(j)) && Chars.isDigit(s.charAt(j + 1))) {
          j++;
        } else {
          break;
        }
      }
      char after = j < n ? s.charAt(j) : 0;
      boolean boundary = !(Chars.isLetter(after) || (after == '.' && j + 1 < n && Chars.isDigit(s.charAt(j + 1))));
      int used = Math.min(groups, groupStart.length);
      if (PaymentCards.card(digits, groupStart, groupLength, separator, used)) {
        return Reasons.CARD_NUMBER;
      }
      if (boundary && !overflow && NationalIds.digits(digits, count, groupLength, separator, groups)) {
        return Reasons.NATIONAL_ID;
      }
      if (!overflow && groups == 1 && count == 17 && j < n && (after == 'X' || after == 'x')
          && Chars.boundaryAt(s, j + 1, n) && Checksums.chineseId(digits, after)) {
        return Reasons.NATIONAL_ID;
      }
      i = Math.max(j, i + 1);
    }
    return null;
  }

  /** Whether a digit run may start at i: not inside a word, a decimal or a dotted version. */
  static boolean runStart(String s, int i) {
    if (i == 0) {
      return true;
    }
    char p = s.charAt(i - 1);
    return !(Chars.isAlnum(p) || p == '.' || p == '_'
        || ((p == '-' || p == '/') && i >= 2 && Chars.isDigit(s.charAt(i - 2))));
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/';
  }

  /** National ids that mix letters and digits, each a whole word; the UK NINO also with spaces. */
  private static boolean lettered(String s) {
    int n = s.length();
    int start = -1;
    for (int i = 0; i <= n; i++) {
      boolean part = i < n && (Chars.isAlnum(s.charAt(i)) || (start >= 0 && s.charAt(i) == '-')
          || (start >= 0 && s.charAt(i) == '+'));
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        if (NationalIds.letteredWord(s, start, i)) {
          return true;
        }
        start = -1;
      }
    }
    for (int i = 0; i + 13 <= n; i++) {
      if (NationalIds.spacedNino(s, i, n)) {
        return true;
      }
    }
    return false;
  }
}
