package io.tracked.agent.sanitize;

/**
 * National identifiers, one line per format in three tables: digits in one run (by length and
 * checksum), digits in groups (by the groups' lengths and separators, {@code 3-2-4} for a US SSN), and
 * letters mixed with digits (by a pattern, {@code AA999999A} for a UK NINO). Add a country by adding a line.
 */
final class NationalIds {

  private NationalIds() {}

  /** A check on the digits of a run (d[0..] are its digits), for formats whose shape alone is not enough. */
  @FunctionalInterface
  private interface DigitCheck {
    boolean test(byte[] d);
  }

  /** A check on a lettered word s[from, from + pattern length). */
  @FunctionalInterface
  private interface WordCheck {
    boolean test(String s, int from);
  }

  private static final DigitCheck ANY = d -> true;

  /** Digits in one run: the run's length and a checksum. */
  private record Run(String name, int length, DigitCheck check) {}

  private static final Run[] RUNS = {
      new Run("Dutch BSN", 9, Checksums::elfproef),
      new Run("German Steuer-ID, Polish PESEL, Norwegian fødselsnummer, Brazilian CPF", 11,
          d -> Checksums.steuerId(d) || Checksums.pesel(d) || Checksums.norwegian(d) || Checksums.cpf(d)),
      new Run("Indian Aadhaar", 12, d -> d[0] >= 2 && Checksums.verhoeff(d, 12)),
      new Run("Swiss AHV", 13, d -> d[0] == 7 && d[1] == 5 && d[2] == 6 && Checksums.ean13(d)),
      new Run("French NIR", 15, Checksums::insee),
      new Run("Chinese resident id", 18, d -> Checksums.chineseId(d, (char) ('0' + d[17]))),
  };

  /**
   * Digits in groups: the groups' lengths joined by their separators ({@code ?} matches any separator; a
   * format written with spaces and with dashes has two shapes), and a check.
   */
  private record Grouped(String name, String[] shapes, DigitCheck check) {}

  private static Grouped grouped(String name, DigitCheck check, String... shapes) {
    return new Grouped(name, shapes, check);
  }

  private static final Grouped[] GROUPED = {
      grouped("US SSN, ITIN", ANY, "3-2-4", "3 2 4"),
      grouped("US EIN", ANY, "2-7"),
      grouped("Canadian SIN, Dutch BSN", d -> Checksums.luhn(d, 9) || Checksums.elfproef(d), "3-3-3", "3 3 3"),
      grouped("Indian Aadhaar", d -> d[0] >= 2 && Checksums.verhoeff(d, 12), "4-4-4", "4 4 4"),
      grouped("Brazilian CPF", ANY, "3.3.3-2"),
      grouped("Brazilian CNPJ", ANY, "2.3.3/4?2"),
      grouped("Swiss AHV", d -> d[0] == 7 && d[1] == 5 && d[2] == 6, "3?4?4?2"),
      grouped("Belgian national number", ANY, "2.2.2-3?2"),
      grouped("French NIR, spaced", Checksums::insee, "1 2 2 2 3 3 2"),
      grouped("German Steuer-ID, spaced", Checksums::steuerId, "2 3 3 3"),
      grouped("Korean RRN", d -> Checksums.date(d[4] * 10 + d[5], d[2] * 10 + d[3]) && d[6] >= 1 && d[6] <= 8, "6-7"),
      grouped("Danish CPR (DDMMYY), Swedish (YYMMDD)", d -> Checksums.date(d[0] * 10 + d[1], d[2] * 10 + d[3])
          || Checksums.date((d[4] * 10 + d[5]) % 60, d[2] * 10 + d[3]), "6-4", "6+4"),
      grouped("Swedish YYYYMMDD-NNNN", d -> {
        int year = d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3];
        return year >= 1900 && year <= 2099 && Checksums.date(d[6] * 10 + d[7], d[4] * 10 + d[5]);
      }, "8-4"),
  };

  /** Letters and digits in one word: 'A' an upper-case letter, '9' a digit, '*' either, '?' any, else itself. */
  private record Lettered(String name, String pattern, WordCheck check) {}

  private static final Lettered[] LETTERED = {
      new Lettered("Irish PPS", "9999999A", (s, at) -> s.charAt(at + 7) <= 'W'),
      new Lettered("UK NINO", "AA999999A", (s, at) -> s.charAt(at + 8) <= 'D'),
      new Lettered("Spanish DNI", "99999999A",
          (s, at) -> Checksums.dniLetter(Integer.parseInt(s.substring(at, at + 8))) == s.charAt(at + 8)),
      new Lettered("Spanish NIE, Singapore NRIC/FIN", "A9999999A", NationalIds::nieOrNric),
      new Lettered("Irish PPS (two letters)", "9999999AA",
          (s, at) -> s.charAt(at + 8) <= 'W' && s.charAt(at + 7) <= 'W'),
      new Lettered("Indian PAN", "AAAAA9999A", (s, at) -> "ABCFGHLJPTK".indexOf(s.charAt(at + 3)) >= 0),
      new Lettered("Finnish HETU", "999999?999*", NationalIds::hetu),
      new Lettered("Italian codice fiscale", "AAAAAA99A99A999A", (s, at) -> true),
      new Lettered("Mexican CURP", "AAAA999999AAAAAA*9", (s, at) -> "HMX".indexOf(s.charAt(at + 10)) >= 0),
  };

  /** A run of {@code count} digits (d) in {@code groups} groups of the given lengths, joined by {@code separators}. */
  static boolean digits(byte[] d, int count, int[] lengths, char[] separators, int groups) {
    if (groups == 1) {
      for (Run run : RUNS) {
        if (run.length() == count && run.check().test(d)) {
          return true;
        }
      }
      return false;
    }
    for (Grouped format : GROUPED) {
      for (String shape : format.shapes()) {
        if (fits(shape, lengths, separators, groups) && format.check().test(d)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether groups and separators spell the shape: "3-2-4" is three digits, '-', two, '-', four. */
  private static boolean fits(String shape, int[] lengths, char[] separators, int groups) {
    int g = 0;
    int i = 0;
    int n = shape.length();
    while (i < n) {
      if (g >= groups) {
        return false;
      }
      int length = 0;
      while (i < n && Chars.isDigit(shape.charAt(i))) {
        length = length * 10 + shape.charAt(i++) - '0';
      }
      if (lengths[g] != length) {
        return false;
      }
      if (i < n) {
        char separator = shape.charAt(i++);
        if (separator != '?' && separators[g] != separator) {
          return false;
        }
      }
      g++;
    }
    return g == groups;
  }

  /** A whole word s[from, to) that is a lettered national id. */
  static boolean letteredWord(String s, int from, int to) {
    for (Lettered format : LETTERED) {
      if (format.pattern().length() == to - from && pattern(s, from, format.pattern())
          && format.check().test(s, from)) {
        return true;
      }
    }
    return false;
  }

  /** UK NINO written with spaces: "QQ 12 34 56 C". */
  static boolean spacedNino(String s, int i, int n) {
    return Chars.isUpper(s.charAt(i)) && Chars.boundaryBefore(s, i, 0) && Chars.isUpper(s.charAt(i + 1))
        && s.charAt(i + 2) == ' ' && pattern(s, i + 3, "99 99 99 ") && s.charAt(i + 12) >= 'A'
        && s.charAt(i + 12) <= 'D' && Chars.boundaryAt(s, i + 13, n);
  }

  private static boolean nieOrNric(String s, int at) {
    char first = s.charAt(at);
    if (first == 'X' || first == 'Y' || first == 'Z') {
      int number = Integer.parseInt((first - 'X') + s.substring(at + 1, at + 8));
      return Checksums.dniLetter(number) == s.charAt(at + 8); // Spanish NIE
    }
    return first == 'S' || first == 'T' || first == 'F' || first == 'G' || first == 'M'; // Singapore NRIC/FIN
  }

  /** DDMMYY, a century sign, three digits and a check character. */
  private static boolean hetu(String s, int at) {
    char century = s.charAt(at + 6);
    int day = (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    int month = (s.charAt(at + 2) - '0') * 10 + (s.charAt(at + 3) - '0');
    if (!(century == '-' || century == '+' || century == 'A' || (century >= 'B' && century <= 'F')
        || (century >= 'U' && century <= 'Y')) || !Checksums.date(day, month)) {
      return false;
    }
    int number = Integer.parseInt(s.substring(at, at + 6) + s.substring(at + 7, at + 10));
    return "0123456789ABCDEFHJKLMNPRSTUVWXY".charAt(number % 31) == s.charAt(at + 10);
  }

  /** 'A' = an upper-case letter, '9' = a digit, '*' = either, '?' = any character, anything else = itself. */
  static boolean pattern(String s, int from, String pattern) {
    if (from + pattern.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < pattern.length(); i++) {
      char p = pattern.charAt(i);
      char c = s.charAt(from + i);
      boolean ok = p == 'A' ? Chars.isUpper(c) : p == '9' ? Chars.isDigit(c)
          : p == '*' ? Chars.isUpper(c) || Chars.isDigit(c) : p == '?' || c == p;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
