package io.tracked.sample.models;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts tokens roughly the way model tokenizers do: each word, each number and each other symbol
 * is one token. Close enough for usage reports; no model's real vocabulary is needed.
 */
final class Tokens {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}_]+|\\d+|\\S");

  private Tokens() {}

  static int count(String text) {
    Matcher matcher = TOKEN.matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
