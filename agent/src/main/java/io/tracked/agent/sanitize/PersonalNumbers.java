package io.tracked.agent.sanitize;

/**
 * Numbers that identify a person or an account: payment card numbers (Luhn-checked, with a card
 * network's prefix), IBANs (mod-97-checked, with the country's length), phone numbers (international,
 * North American and national formats) and national identifiers (US SSN and EIN, UK NINO, Canadian
 * SIN, German Steuer-ID, French NIR, Dutch BSN, Spanish DNI/NIE, Italian codice fiscale, Brazilian
 * CPF/CNPJ, Indian Aadhaar and PAN, Chinese resident id, Korean RRN, Nordic personal numbers, Polish
 * PESEL, Swiss AHV, Belgian national number, Singapore NRIC, Mexican CURP, Irish PPS).
 *
 * <p>Digit strings are read as runs of digit groups joined by single separators; every scan is linear.
 * A digit string that matches no format (and no checksum) is left alone: it may be a count or a time.
 */
final class PersonalNumbers {

  private PersonalNumbers() {}

  /** IBAN length by country (ISO 13616 registry), indexed by the two letters; 0 for none. */
  private static final byte[] IBAN_LENGTH = new byte[26 * 26];

  static {
    String table = "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 "
        + "DK18 DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 "
        + "IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 "
        + "NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 "
        + "ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";
    for (String entry : table.split(" ")) {
      IBAN_LENGTH[(entry.charAt(0) - 'A') * 26 + (entry.charAt(1) - 'A')] = (byte) Integer.parseInt(entry.substring(2));
    }
  }

  /**
   * The reason for the first personal number in s, or {@code null}. {@code digits} is the number of
   * ASCII digits in s, used to skip the scans that cannot match.
   */
  static String find(String s, int digits) {
    int n = s.length();
    if (digits >= 8 && n >= 15 && iban(s)) {
      return Reasons.IBAN;
    }
    if (digits >= 7) {
      String reason = digitRuns(s);
      if (reason != null) {
        return reason;
      }
      if (phone(s)) {
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
      if (card(digits, groupStart, groupLength, separator, used)) {
        return Reasons.CARD_NUMBER;
      }
      if (boundary && !overflow && nationalId(s, i, j, digits, count, groupLength, separator, groups)) {
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

  private static boolean runStart(String s, int i) {
    if (i == 0) {
      return true;
    }
    char p = s.charAt(i - 1);
    return !(Chars.isAlnum(p) || p == '.' || p == '_' || ((p == '-' || p == '/') && i >= 2 && Chars.isDigit(s.charAt(i - 2))));
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/';
  }

  /** 13 to 19 digits in consecutive groups joined by spaces or dashes, with a card prefix and a valid Luhn digit. */
  private static boolean card(byte[] digits, int[] start, int[] length, char[] separator, int groups) {
    for (int g = 0; g < groups; g++) {
      int total = 0;
      for (int h = g; h < groups && total < 19; h++) {
        total += length[h];
        if (total >= 13 && total <= 19 && cardPrefix(digits, start[g], total)) {
          byte[] window = new byte[total];
          System.arraycopy(digits, start[g], window, 0, total);
          if (Checksums.luhn(window, total)) {
            return true;
          }
        }
        if (h < groups - 1 && separator[h] != ' ' && separator[h] != '-') {
          break;
        }
      }
    }
    return false;
  }

  /** Visa 4, Mastercard 51-55 and 2221-2720, Amex 34/37, Diners 30/36/38, JCB 35, Discover/UnionPay/Maestro 6, Maestro 50/56-58. */
  private static boolean cardPrefix(byte[] d, int at, int length) {
    int first = d[at];
    int two = first * 10 + d[at + 1];
    int four = two * 100 + d[at + 2] * 10 + d[at + 3];
    switch (first) {
      case 2:
        return four >= 2221 && four <= 2720;
      case 3:
        return two == 34 || two == 37 || two == 30 || two == 36 || two == 38 || two == 35;
      case 4:
      case 6:
        return true;
      case 5:
        return two >= 50 && two <= 58;
      default:
        return false;
    }
  }

  private static boolean nationalId(String s, int from, int to, byte[] d, int count, int[] length, char[] sep,
      int groups) {
    if (groups == 1) {
      switch (count) {
        case 9:
          return Checksums.elfproef(d);
        case 11:
          return Checksums.steuerId(d) || Checksums.pesel(d) || Checksums.norwegian(d) || Checksums.cpf(d);
        case 12:
          return d[0] >= 2 && Checksums.verhoeff(d, 12);
        case 13:
          return d[0] == 7 && d[1] == 5 && d[2] == 6 && Checksums.ean13(d);
        case 15:
          return Checksums.insee(d);
        case 18:
          return Checksums.chineseId(d, (char) ('0' + d[17]));
        default:
          return false;
      }
    }
    if (shape(length, groups, 3, 2, 4) && sameSeparators(sep, groups, "- ")) {
      return true; // US SSN (and ITIN)
    }
    if (shape(length, groups, 2, 7) && sep[0] == '-') {
      return true; // US EIN
    }
    if (shape(length, groups, 3, 3, 3) && sameSeparators(sep, groups, "- ")) {
      return Checksums.luhn(d, 9) || Checksums.elfproef(d); // Canadian SIN, Dutch BSN
    }
    if (shape(length, groups, 4, 4, 4) && sameSeparators(sep, groups, "- ")) {
      return d[0] >= 2 && Checksums.verhoeff(d, 12); // Aadhaar
    }
    if (shape(length, groups, 3, 3, 3, 2) && sep[0] == '.' && sep[1] == '.' && sep[2] == '-') {
      return true; // Brazilian CPF
    }
    if (shape(length, groups, 2, 3, 3, 4, 2) && sep[0] == '.' && sep[1] == '.' && sep[2] == '/') {
      return true; // Brazilian CNPJ
    }
    if (shape(length, groups, 3, 4, 4, 2) && d[0] == 7 && d[1] == 5 && d[2] == 6) {
      return true; // Swiss AHV
    }
    if (shape(length, groups, 2, 2, 2, 3, 2) && sep[0] == '.' && sep[1] == '.' && sep[2] == '-') {
      return true; // Belgian national number
    }
    if (shape(length, groups, 1, 2, 2, 2, 3, 3, 2) && sameSeparators(sep, groups, " ")) {
      return Checksums.insee(d); // French NIR, spaced
    }
    if (shape(length, groups, 2, 3, 3, 3) && sameSeparators(sep, groups, " ")) {
      return Checksums.steuerId(d); // German Steuer-ID, spaced
    }
    if (shape(length, groups, 6, 7) && sep[0] == '-') {
      int month = d[2] * 10 + d[3];
      int day = d[4] * 10 + d[5];
      return Checksums.date(day, month) && d[6] >= 1 && d[6] <= 8; // Korean RRN
    }
    if ((shape(length, groups, 6, 4) && (sep[0] == '-' || sep[0] == '+'))) {
      int a = d[0] * 10 + d[1];
      int b = d[2] * 10 + d[3];
      int c = d[4] * 10 + d[5];
      return Checksums.date(a, b) || Checksums.date(c % 60, b); // Danish CPR (DDMMYY), Swedish (YYMMDD)
    }
    if (shape(length, groups, 8, 4) && sep[0] == '-') {
      int year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];
      return year >= 1900 && year <= 2099 && Checksums.date(d[6] * 10 + d[7], d[4] * 10 + d[5]); // Swedish YYYYMMDD-NNNN
    }
    return false;
  }

  private static boolean shape(int[] length, int groups, int... expected) {
    if (groups != expected.length) {
      return false;
    }
    for (int i = 0; i < groups; i++) {
      if (length[i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameSeparators(char[] sep, int groups, String allowed) {
    char first = sep[0];
    if (allowed.indexOf(first) < 0) {
      return false;
    }
    for (int i = 1; i < groups - 1; i++) {
      if (sep[i] != first) {
        return false;
      }
    }
    return true;
  }

  /** An IBAN at a word boundary: country, check digits, then the country's length of letters and digits, spaces allowed. */
  static boolean iban(String s) {
    int n = s.length();
    char[] buffer = null;
    for (int i = 0; i + 15 <= n; i++) {
      char c0 = s.charAt(i);
      if (!Chars.isLetter(c0) || !Chars.boundaryBefore(s, i, 0) || !Chars.isLetter(s.charAt(i + 1))
          || !Chars.isDigit(s.charAt(i + 2)) || !Chars.isDigit(s.charAt(i + 3))) {
        continue;
      }
      char a = Character.toUpperCase(c0);
      char b = Character.toUpperCase(s.charAt(i + 1));
      int length = IBAN_LENGTH[(a - 'A') * 26 + (b - 'A')];
      if (length == 0) {
        continue;
      }
      if (buffer == null) {
        buffer = new char[34];
      }
      int count = 0;
      int j = i;
      while (j < n && count < length) {
        char c = s.charAt(j);
        if (Chars.isAlnum(c)) {
          buffer[count++] = Character.toUpperCase(c);
          j++;
        } else if ((c == ' ' || c == '-') && j + 1 < n && Chars.isAlnum(s.charAt(j + 1)) && count > 0) {
          j++;
        } else {
          break;
        }
      }
      if (count == length && Chars.boundaryAt(s, j, n) && Checksums.iban(buffer, length)) {
        return true;
      }
    }
    return false;
  }

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
      } else if (Chars.isDigit(c) && runStart(s, i)) {
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
      if (j + 1 < n && (s.charAt(j) == ' ' || s.charAt(j) == '-' || s.charAt(j) == '.') && Chars.isDigit(s.charAt(j + 1))
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

  /** National ids that mix letters and digits, each a whole word: NINO, DNI/NIE, codice fiscale, PAN, NRIC, CURP, HETU, PPS. */
  private static boolean lettered(String s) {
    int n = s.length();
    int start = -1;
    for (int i = 0; i <= n; i++) {
      boolean part = i < n && (Chars.isAlnum(s.charAt(i)) || (start >= 0 && s.charAt(i) == '-')
          || (start >= 0 && s.charAt(i) == '+'));
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        if (letteredWord(s, start, i)) {
          return true;
        }
        start = -1;
      }
    }
    // UK NINO written with spaces: "QQ 12 34 56 C"
    for (int i = 0; i + 13 <= n; i++) {
      if (Chars.isUpper(s.charAt(i)) && Chars.boundaryBefore(s, i, 0) && Chars.isUpper(s.charAt(i + 1))
          && s.charAt(i + 2) == ' ' && pattern(s, i + 3, "99 99 99 ") && s.charAt(i + 12) >= 'A'
          && s.charAt(i + 12) <= 'D' && Chars.boundaryAt(s, i + 13, n)) {
        return true;
      }
    }
    return false;
  }

  private static boolean letteredWord(String s, int from, int to) {
    switch (to - from) {
      case 8:
        return pattern(s, from, "9999999A") && s.charAt(from + 7) <= 'W'; // Irish PPS
      case 9:
        if (pattern(s, from, "AA999999A") && s.charAt(from + 8) <= 'D') {
          return true; // UK NINO
        }
        if (pattern(s, from, "99999999A")) {
          int number = Integer.parseInt(s.substring(from, from + 8));
          return Checksums.dniLetter(number) == s.charAt(from + 8); // Spanish DNI
        }
        if (pattern(s, from, "A9999999A")) {
          char first = s.charAt(from);
          if (first == 'X' || first == 'Y' || first == 'Z') {
            int number = Integer.parseInt((first - 'X') + s.substring(from + 1, from + 8));
            return Checksums.dniLetter(number) == s.charAt(from + 8); // Spanish NIE
          }
          return first == 'S' || first == 'T' || first == 'F' || first == 'G' || first == 'M'; // Singapore NRIC/FIN
        }
        return pattern(s, from, "9999999AA") && s.charAt(from + 8) <= 'W' && s.charAt(from + 7) <= 'W'; // Irish PPS
      case 10:
        return pattern(s, from, "AAAAA9999A") && "ABCFGHLJPTK".indexOf(s.charAt(from + 3)) >= 0; // Indian PAN
      case 11:
        if (pattern(s, from, "999999") && Chars.isDigit(s.charAt(from + 7)) && Chars.isDigit(s.charAt(from + 8))
            && Chars.isDigit(s.charAt(from + 9))) {
          char century = s.charAt(from + 6);
          int day = (s.charAt(from) - '0') * 10 + (s.charAt(from + 1) - '0');
          int month = (s.charAt(from + 2) - '0') * 10 + (s.charAt(from + 3) - '0');
          if ((century == '-' || century == '+' || century == 'A' || (century >= 'B' && century <= 'F')
              || (century >= 'U' && century <= 'Y')) && Checksums.date(day, month)) {
            int number = Integer.parseInt(s.substring(from, from + 6) + s.substring(from + 7, from + 10));
            return "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt(number % 31) == s.charAt(from + 10); // Finnish HETU
          }
        }
        return false;
      case 16:
        return pattern(s, from, "AAAAAA99A99A999A"); // Italian codice fiscale
      case 18:
        return pattern(s, from, "AAAA999999AAAAAA*9") && (s.charAt(from + 10) == 'H' || s.charAt(from + 10) == 'M'
            || s.charAt(from + 10) == 'X'); // Mexican CURP
      default:
        return false;
    }
  }

  /** 'A' = an upper-case letter, '9' = a digit, '*' = either, anything else = itself. */
  private static boolean pattern(String s, int from, String pattern) {
    if (from + pattern.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < pattern.length(); i++) {
      char p = pattern.charAt(i);
      char c = s.charAt(from + i);
      boolean ok = p == 'A' ? Chars.isUpper(c) : p == '9' ? Chars.isDigit(c)
          : p == '*' ? Chars.isUpper(c) || Chars.isDigit(c) : c == p;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
