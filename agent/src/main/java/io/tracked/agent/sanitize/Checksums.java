package io.tracked.agent.sanitize;

/**
 * The check-digit algorithms that tell a real card number, IBAN or national identifier from a number
 * of the same length: a digit string that fails its checksum is kept as a number.
 */
final class Checksums {

  private Checksums() {}

  /** Luhn (mod 10) over the digits of {@code digits[0, length)}. */
  static boolean luhn(byte[] digits, int length) {
    int sum = 0;
    boolean twice = false;
    for (int i = length - 1; i >= 0; i--) {
      int d = digits[i];
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /** ISO 13616 / ISO 7064 mod 97-10 over an IBAN of upper-case letters and digits. */
  static boolean iban(char[] iban, int length) {
    if (length < 15) {
      return false;
    }
    int remainder = 0;
    for (int k = 0; k < length; k++) {
      char c = iban[(k + 4) % length];
      if (Chars.isDigit(c)) {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else if (Chars.isUpper(c)) {
        int value = c - 'A' + 10;
        remainder = (remainder * 100 + value) % 97;
      } else {
        return false;
      }
    }
    return remainder == 1;
  }

  private static final int[][] VERHOEFF_D = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
      {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
      {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
      {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
  private static final int[][] VERHOEFF_P = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
      {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
      {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

  /** Verhoeff (Aadhaar). */
  static boolean verhoeff(byte[] digits, int length) {
    int c = 0;
    for (int i = 0; i < length; i++) {
      c = VERHOEFF_D[c][VERHOEFF_P[i % 8][digits[length - 1 - i]]];
    }
    return c == 0;
  }

  /** Dutch BSN "elfproef": weights 9..2 and -1. */
  static boolean elfproef(byte[] d) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (9 - i) * d[i];
    }
    sum -= d[8];
    return sum % 11 == 0 && sum != 0;
  }

  /** German tax id (Steuer-ID): ISO 7064 mod 11,10 and the digit-repetition rule of its first ten digits. */
  static boolean steuerId(byte[] d) {
    if (d[0] == 0) {
      return false;
    }
    int[] counts = new int[10];
    for (int i = 0; i < 10; i++) {
      counts[d[i]]++;
    }
    int repeated = 0;
    int missing = 0;
    for (int count : counts) {
      if (count > 1) {
        repeated++;
        if (count > 3) {
          return false;
        }
      }
      if (count == 0) {
        missing++;
      }
    }
    if (repeated != 1 || missing < 1 || missing > 2) {
      return false;
    }
    int product = 10;
    for (int i = 0; i < 10; i++) {
      int sum = (d[i] + product) % 10;
      if (sum == 0) {
        sum = 10;
      }
      product = (sum * 2) % 11;
    }
    int check = 11 - product;
    if (check == 10) {
      check = 0;
    }
    return check == d[10];
  }

  /** Polish PESEL: weights 1,3,7,9 and a valid birth date. */
  static boolean pesel(byte[] d) {
    int[] weights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += weights[i] * d[i];
    }
    if ((10 - sum % 10) % 10 != d[10]) {
      return false;
    }
    int month = (d[2] * 10 + d[3]) % 20;
    int day = d[4] * 10 + d[5];
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  /** Norwegian fødselsnummer: birth date DDMMYY (D-numbers add 4 to the first digit) and two mod-11 digits. */
  static boolean norwegian(byte[] d) {
    int day = (d[0] % 4) * 10 + d[1];
    int month = d[2] * 10 + d[3];
    if (day < 1 || day > 31 || month < 1 || month > 12) {
      return false;
    }
    int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int k1 = 11 - weighted(d, w1) % 11;
    if (k1 == 11) {
      k1 = 0;
    }
    if (k1 == 10 || k1 != d[9]) {
      return false;
    }
    int k2 = 11 - weighted(d, w2) % 11;
    if (k2 == 11) {
      k2 = 0;
    }
    return k2 != 10 && k2 == d[10];
  }

  /** Brazilian CPF: two mod-11 check digits; all-equal digits are not a CPF. */
  static boolean cpf(byte[] d) {
    boolean allSame = true;
    for (int i = 1; i < 11; i++) {
      allSame &= d[i] == d[0];
    }
    if (allSame) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += d[i] * (10 - i);
    }
    int k1 = (sum * 10) % 11 % 10;
    if (k1 != d[9]) {
      return false;
    }
    sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += d[i] * (11 - i);
    }
    return (sum * 10) % 11 % 10 == d[10];
  }

  /** Chinese resident identity number: 17 digits, a birth date and an ISO 7064 mod 11-2 check character. */
  static boolean chineseId(byte[] d, char last) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += weights[i] * d[i];
    }
    char expected = "10X98765432".charAt(sum % 11);
    if (Character.toUpperCase(last) != expected) {
      return false;
    }
    int year = d[6] * 1000 + d[7] * 100 + d[8] * 10 + d[9];
    int month = d[10] * 10 + d[11];
    int day = d[12] * 10 + d[13];
    return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  /** French NIR (INSEE): sex digit, month, and key = 97 - (first 13 digits mod 97). */
  static boolean insee(byte[] d) {
    if (d[0] != 1 && d[0] != 2) {
      return false;
    }
    int month = d[3] * 10 + d[4];
    if (!(month >= 1 && month <= 12) && !(month >= 20 && month <= 42)) {
      return false;
    }
    long number = 0;
    for (int i = 0; i < 13; i++) {
      number = number * 10 + d[i];
    }
    int key = d[13] * 10 + d[14];
    return key == 97 - (int) (number % 97);
  }

  /** Spanish DNI/NIE check letter of an 8-digit number. */
  static char dniLetter(int number) {
    return "TRWAGMYFPDXBNJZSQVHLCKE".charAt(number % 23);
  }

  /** Plausible calendar date from two-digit fields. */
  static boolean date(int day, int month) {
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
  }

  /** Swiss AHV number (756....): EAN-13 check digit. */
  static boolean ean13(byte[] d) {
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += d[i] * (i % 2 == 0 ? 1 : 3);
    }
    return (10 - sum % 10) % 10 == d[12];
  }

  private static int weighted(byte[] d, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] * d[i];
    }
    return sum;
  }
}
