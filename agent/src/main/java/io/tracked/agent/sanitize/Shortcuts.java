package io.tracked.agent.sanitize;

import java.util.Set;

/**
 * Keyboard shortcuts as editors write them: modifiers joined by '+' or '-' and one key, where the key
 * may be any single printable character (punctuation included: {@code Ctrl+`}, {@code Cmd+,},
 * {@code Ctrl+\}) or a key name ({@code F12}, {@code PageDown}); macOS symbols ({@code ⌘⇧P}); chords of
 * up to three separated by one space ({@code Ctrl+K Ctrl+S}). A key is one character or a known name,
 * never a word of the user's, so nothing typed can hide in a shortcut.
 */
final class Shortcuts {

  private Shortcuts() {}

  private static final Set<String> MODIFIERS = Chars.words(
      "ctrl", "control", "cmd", "command", "meta", "super", "win", "windows", "alt", "option", "opt", "shift",
      "fn", "hyper", "altgr", "cmdorctrl", "commandorcontrol");

  private static final String[] DASH_MODIFIERS = {"ctrl", "control", "cmd", "command", "meta", "alt", "option",
      "shift"};

  private static final Set<String> KEY_NAMES = Chars.words(
      "enter", "return", "tab", "esc", "escape", "space", "spacebar", "up", "down", "left", "right", "home", "end",
      "pageup", "pagedown", "pgup", "pgdn", "delete", "del", "backspace", "insert", "ins", "plus", "minus", "comma",
      "period", "slash", "backslash", "backquote", "backtick", "quote", "semicolon", "equal", "bracketleft",
      "bracketright", "capslock", "printscreen", "pause", "menu", "contextmenu", "numpad", "numpadadd",
      "numpadsubtract", "numpadmultiply", "numpaddivide", "numpadenter", "numpaddecimal", "uparrow", "downarrow",
      "leftarrow", "rightarrow", "click", "doubleclick", "wheel");

  /** macOS modifier symbols: command, shift, option, control, caps lock, fn. */
  private static final String SYMBOLS = "\u2318\u21e7\u2325\u2303\u21ea";

  /**
   * A cheap test that s may be a shortcut worth parsing: it has a '+', a macOS symbol or a space (a
   * chord), or starts with a modifier and '-' (Ctrl-K). A lone key name needs no parse: it is kept anyway.
   */
  static boolean candidate(String s) {
    int n = s.length();
    if (n < 2 || n > 60) {
      return false;
    }
    if (SYMBOLS.indexOf(s.charAt(0)) >= 0) {
      return true;
    }
    if (s.indexOf('+') > 0 || s.indexOf(' ') > 0) {
      return true;
    }
    int dash = s.indexOf('-');
    if (dash < 2 || dash > 7) {
      return false;
    }
    for (String modifier : DASH_MODIFIERS) { // Ctrl-K, Alt-F4
      if (modifier.length() == dash && Chars.startsWithIgnoreCase(s, 0, modifier)) {
        return true;
      }
    }
    return false;
  }

  /** {@code true} when s is a shortcut or a chord of up to three shortcuts. */
  static boolean shortcut(String s) {
    int n = s.length();
    if (n == 0 || n > 60 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ' || s.contains("  ")) {
      return false;
    }
    int chords = 0;
    int start = 0;
    while (start < n) {
      int end = chordEnd(s, start);
      if (!chord(s, start, end)) {
        return false;
      }
      if (++chords > 3) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  /** A chord ends at a space that is not the chord's own key ("Ctrl+ " would be Ctrl+Space). */
  private static int chordEnd(String s, int start) {
    int i = s.indexOf(' ', start + 1);
    return i < 0 ? s.length() : i;
  }

  private static boolean chord(String s, int from, int to) {
    if (to <= from) {
      return false;
    }
    int i = from;
    int modifiers = 0;
    while (i < to && SYMBOLS.indexOf(s.charAt(i)) >= 0) {
      i++;
      modifiers++;
    }
    while (i < to) {
      int j = i;
      while (j < to && Chars.isLetter(s.charAt(j))) {
        j++;
      }
      if (j > i && j + 1 < to && (s.charAt(j) == '+' || s.charAt(j) == '-')
          && MODIFIERS.contains(Chars.lowerCase(s, i, j))) {
        modifiers++;
        i = j + 1;
      } else {
        break;
      }
    }
    if (i >= to) {
      return false;
    }
    if (to - i == 1 || (to - i == 2 && Character.isSurrogatePair(s.charAt(i), s.charAt(i + 1)))) {
      return modifiers > 0 && s.charAt(i) > ' '; // any one printable key: Ctrl+`, Cmd+, and ⌘K
    }
    String key = Chars.lowerCase(s, i, to);
    if (key.startsWith("numpad") && key.length() == 7) {
      return modifiers > 0; // Ctrl+Numpad+
    }
    return KEY_NAMES.contains(key) || functionKey(key) || (modifiers > 0 && digitKey(key));
  }

  private static boolean functionKey(String key) {
    if (key.length() < 2 || key.length() > 3 || key.charAt(0) != 'f') {
      return false;
    }
    int number = 0;
    for (int i = 1; i < key.length(); i++) {
      if (!Chars.isDigit(key.charAt(i))) {
        return false;
      }
      number = number * 10 + key.charAt(i) - '0';
    }
    return number >= 1 && number <= 24;
  }

  /** Digit1, Key0-style names and numpad digits: numpad5. */
  private static boolean digitKey(String key) {
    return (key.startsWith("numpad") || key.startsWith("digit")) && key.length() <= 8
        && Chars.isDigit(key.charAt(key.length() - 1));
  }
}
