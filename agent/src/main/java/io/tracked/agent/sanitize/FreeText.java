package io.tracked.agent.sanitize;

/**
 * Names what kind of text a string that is not an analytics token is: a stack trace, source code, a
 * person's name, or prose (a prompt, a message, any free text). All of it is dropped; the class only
 * makes the reason precise.
 */
final class FreeText {

  private FreeText() {}

  private static final String[] TRACE_MARKERS = {
      "\tat ", "Exception in thread \"", "Caused by: ", "Traceback (most recent call last)", "\", line ",
      "goroutine ", "panic: ", "panicked at", "at Object.<anonymous>", "at async ", "(Native Method)",
      "(Unknown Source)", "stack backtrace:", "Stack trace:", "--- End of inner exception stack trace ---",
      ".<init>(", "at node:internal", "Backtrace:", "Call Stack"};

  private static final String[] CODE_MARKERS = {
      "{", "}", ";\n", "; ", "=>", "==", "!=", "&&", "||", "()", "#include", "#!/", "<?php", "</", "/>", "def ",
      "class ", "function ", "func ", "fn ", "return ", "import ", "package ", "public ", "private ", "static ",
      "const ", "let ", "var ", "void ", "int ", "if (", "for (", "while (", "SELECT ", " FROM ", "INSERT INTO",
      "CREATE TABLE", "console.log", "System.out", "print(", "println", "lambda ", "async ", "await ", " = ",
      "+=", "->", "::", "self.", "this.", "});", "):", "[]", "elif ", "else:", "try:", "except ", "#define",
      "std::", "fmt.", "require(", "module.exports", "export ", "interface ", "struct ", "impl ", "match ",
      "case ", "default:", "echo ", "sudo ", "npm ", "git ", "$(", "${", "`", "pip ", "docker ", "kubectl ", "mvn ",
      "gradle ", "cargo ", " --", " -m ", "UPDATE ", " SET ", " WHERE ", "DELETE FROM", " && ", "@Override"};

  /** The reason for dropping a text that is not a token and holds no more specific kind of data. */
  static String classify(String s, boolean multiLine) {
    if (stackTrace(s)) {
      return Reasons.STACK_TRACE;
    }
    if (sourceCode(s)) {
      return Reasons.SOURCE_CODE;
    }
    if (!multiLine && PersonNames.phrase(s)) {
      return Reasons.PERSON_NAME;
    }
    return multiLine ? Reasons.MULTI_LINE : Reasons.FREE_TEXT;
  }

  static boolean stackTrace(String s) {
    for (String marker : TRACE_MARKERS) {
      if (s.contains(marker)) {
        return true;
      }
    }
    // "    at com.acme.Foo.bar(Foo.java:42)", "at foo (/app/x.js:1:2)": line by line, each line read once
    int n = s.length();
    for (int lineStart = 0; lineStart < n;) {
      int lineEnd = Chars.indexOf(s, '\n', lineStart, n);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      int at = Chars.indexOf(s, "at ", lineStart, lineEnd);
      if (at >= 0) {
        int open = Chars.indexOf(s, '(', at, lineEnd);
        int close = open < 0 ? -1 : Chars.indexOf(s, ')', open, lineEnd);
        if (open >= 0 && close > open && fileLine(s, open, close)) {
          return true;
        }
      }
      lineStart = lineEnd + 1;
    }
    // "java.lang.IllegalStateException: ..." / "TypeError: ..." at the start
    int colon = s.indexOf(": ");
    if (colon > 0 && colon < 120) {
      int nameStart = colon;
      while (nameStart > 0 && (Chars.isAlnum(s.charAt(nameStart - 1)) || s.charAt(nameStart - 1) == '.'
          || s.charAt(nameStart - 1) == '$' || s.charAt(nameStart - 1) == '_')) {
        nameStart--;
      }
      if (nameStart == 0 && (s.startsWith("Exception", colon - 9) || s.startsWith("Error", colon - 5)
          || s.startsWith("Throwable", colon - 9))) {
        return true;
      }
    }
    return s.contains(".java:") && s.contains(")") || s.contains(".kt:") && s.contains(")");
  }

  /** "(Foo.java:42)", "(/app/x.js:1:2)", "(file.py:12)" */
  private static boolean fileLine(String s, int open, int close) {
    int colon = Chars.lastIndexOf(s, ':', open, close);
    if (colon <= open || colon + 1 >= close) {
      return s.regionMatches(open, "(Native Method)", 0, 15) || s.regionMatches(open, "(Unknown Source)", 0, 16);
    }
    return Chars.isDigit(s.charAt(colon + 1)) && Chars.lastIndexOf(s, '.', open, colon) > open;
  }

  static boolean sourceCode(String s) {
    int signals = 0;
    for (String marker : CODE_MARKERS) {
      if (s.contains(marker)) {
        signals++;
        if (signals >= 2) {
          return true;
        }
      }
    }
    if (s.endsWith(";")) {
      signals++;
    }
    int symbols = 0;
    int visible = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > ' ') {
        visible++;
      }
      if ("=(){}[];<>*+|&$`".indexOf(c) >= 0) {
        symbols++;
      }
    }
    if (signals >= 2 || (symbols >= 3 && symbols * 8 >= visible)) {
      return true;
    }
    // a call in a single word: foo.bar(x), print("hi")
    int open = s.indexOf('(');
    if (open > 0 && s.indexOf(')', open) > open && Chars.isAlnum(s.charAt(open - 1)) && s.indexOf(' ') < 0) {
      return true;
    }
    return signals >= 1 && s.indexOf('\n') >= 0;
  }
}
