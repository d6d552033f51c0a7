package io.tracked.agent.sanitize;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the {@link StringClassifier}'s verdicts on short strings, because the values analytics
 * keeps repeat endlessly (a model name, a command id, a language id on every completion) and judging
 * one again costs a few hundred nanoseconds of detectors on the agent's thread, per property, per event.
 *
 * <p>The classifier's verdict is a function of the string and the hints alone (its limits are fixed,
 * its detectors keep no state), so a remembered verdict is the very verdict it would give again; the
 * hints (generated id, key-like name) are part of the key, which covers everything the property's name
 * and binding contribute. Bounded: strings of at most {@value #MAX_LENGTH} characters, at most
 * {@value #MAX_ENTRIES} per hint set; a full table is emptied and starts again (a value that stops
 * repeating costs one classification more, never memory). The table holds captured values, so it is
 * emptied when the user opts out ({@link #clear()}). Thread-safe.
 */
final class ShortStringVerdicts {

  static final int MAX_LENGTH = 64;
  static final int MAX_ENTRIES = 1024;
  /** GENERATED_ID and KEY_NAME: four combinations, one table each. */
  private static final int HINT_SETS = 4;

  private final StringClassifier strings;
  private final Map<String, Verdict>[] byHints;

  @SuppressWarnings("unchecked")
  ShortStringVerdicts(StringClassifier strings) {
    this.strings = strings;
    this.byHints = new Map[HINT_SETS];
    for (int i = 0; i < HINT_SETS; i++) {
      byHints[i] = new ConcurrentHashMap<>();
    }
  }

  Verdict classify(String s, int hints) {
    if (s.length() > MAX_LENGTH || hints < 0 || hints >= HINT_SETS) {
      return strings.classify(s, hints);
    }
    Map<String, Verdict> verdicts = byHints[hints];
    Verdict verdict = verdicts.get(s);
    if (verdict == null) {
      verdict = strings.classify(s, hints);
      if (verdicts.size() >= MAX_ENTRIES) {
        verdicts.clear();
      }
      verdicts.put(s, verdict);
    }
    return verdict;
  }

  /** Forgets every remembered value. */
  void clear() {
    for (Map<String, Verdict> verdicts : byHints) {
      verdicts.clear();
    }
  }

  int size() {
    int size = 0;
    for (Map<String, Verdict> verdicts : byHints) {
      size += verdicts.size();
    }
    return size;
  }
}
