package io.tracked.agent.sanitize;

/**
 * Payment card numbers: 13 to 19 digits with a card network's prefix and a valid Luhn check digit,
 * written in one run or in groups joined by spaces or dashes.
 */
final class PaymentCards {

  private PaymentCards() {}

  /** 13 to 19 digits in consecutive groups joined by spaces or dashes, with a card prefix and a valid Luhn digit. */
  static boolean card(byte[] digits, int[] start, int[] length, char[] separator, int groups) {
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

}
