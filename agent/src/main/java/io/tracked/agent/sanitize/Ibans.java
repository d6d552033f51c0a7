package io.tracked.agent.sanitize;

/** IBANs: a country, check digits, then the country's length of letters and digits (mod-97 checked), spaces allowed. */
final class Ibans {

  private Ibans() {}

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

}
