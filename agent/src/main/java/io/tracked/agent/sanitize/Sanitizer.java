package io.tracked.agent.sanitize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The single gate every captured value passes before it can become an event property. It keeps what
 * product analytics needs (numbers, booleans, enums, short identifier-like strings such as model
 * names, commands and routes) and drops anything that could identify a person or hold their code,
 * prompts, paths or secrets. It fails closed: a type it does not know, a rule that throws, or any
 * doubt drops the value. It never calls methods of host objects.
 */
public final class Sanitizer {

  static final int MAX_STRING_LENGTH = 200;

  /** Parameter names that announce content, whatever the value looks like. */
  private static final Set<String> CONTENT_NAMES = Set.of(
      "prompt", "code", "text", "content", "contents", "body", "message", "messages", "password",
      "passwd", "token", "secret", "apikey", "key", "credential", "credentials", "completion",
      "prefix", "suffix", "selection", "input", "query", "email", "filepath", "path",
      "filename", "file", "username", "user", "cookie", "authorization", "auth", "diff", "snippet");

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern URL = Pattern.compile("\\b[A-Za-z][A-Za-z0-9+.-]{1,20}://");
  private static final Pattern WINDOWS_PATH = Pattern.compile("(?:^|[^A-Za-z])[A-Za-z]:[\\\\/]");
  private static final Pattern FILE_EXTENSION = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,15}");
  private static final Pattern ROUTE = Pattern.compile("/(?:[a-z0-9_-]+(?:/[a-z0-9_-]+){0,3})?/?");
  private static final Pattern SECRET_PREFIX = Pattern.compile(
      "(?:sk-|sk_live_|sk_test_|rk_live_|pk_live_|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[bpaeors]-|"
          + "AKIA|ASIA|AIza|eyJ|npm_|pypi-|hf_|-----BEGIN)");
  private static final Set<String> FILESYSTEM_ROOTS = Set.of(
      "home", "users", "usr", "etc", "var", "tmp", "opt", "root", "mnt", "media", "private", "volumes",
      "srv", "proc", "dev", "bin", "lib", "workspace", "workspaces", "data", "run", "snap", "nix");

  /** Judges one value captured under {@code propertyName}. Never throws. */
  public Verdict sanitize(String propertyName, Object value) {
    try {
      return judge(propertyName, value);
    } catch (RuntimeException | StackOverflowError failure) {
      return Verdict.drop("sanitizer-error");
    }
  }

  private Verdict judge(String propertyName, Object value) {
    if (value == null) {
      return Verdict.keep(null, "null");
    }
    if (value instanceof Boolean) {
      return Verdict.keep(value, "boolean");
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return Verdict.keep(value, "number");
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? Verdict.keep(value, "number") : Verdict.drop("not-finite");
    }
    if (value instanceof Enum<?>) {
      // name() is final in java.lang.Enum: no host code runs.
      return Verdict.keep(((Enum<?>) value).name(), "enum");
    }
    if (isContentName(propertyName)) {
      return Verdict.drop("content-parameter");
    }
    if (value instanceof String) {
      return judgeString((String) value);
    }
    if (value instanceof Character) {
      return judgeString(String.valueOf((char) (Character) value));
    }
    return Verdict.drop("unsupported-type");
  }

  static boolean isContentName(String propertyName) {
    if (propertyName == null) {
      return false;
    }
    String name = propertyName.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    if (CONTENT_NAMES.contains(name)) {
      return true;
    }
    for (String suffix : new String[] {"prompt", "password", "secret", "token", "apikey", "key", "content", "contents",
        "text", "message", "email", "path"}) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private Verdict judgeString(String text) {
    if (text.isEmpty()) {
      return Verdict.keep(text, "empty");
    }
    if (text.length() > MAX_STRING_LENGTH) {
      return Verdict.drop("too-long");
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return Verdict.drop("multi-line");
    }
    if (text.indexOf('@') >= 0 && EMAIL.matcher(text).find()) {
      return Verdict.drop("email");
    }
    if (text.regionMatches(true, 0, "file:", 0, 5)) {
      return Verdict.drop("path");
    }
    if (URL.matcher(text).find()) {
      return Verdict.drop("url");
    }
    if (looksLikePath(text)) {
      return Verdict.drop("path");
    }
    if (looksLikeSecret(text)) {
      return Verdict.drop("secret");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        return Verdict.drop("free-text");
      }
    }
    return Verdict.keep(text, "identifier");
  }

  private static boolean looksLikePath(String text) {
    if (text.startsWith("~") || text.startsWith("\\\\") || text.indexOf('\\') >= 0 || WINDOWS_PATH.matcher(text).find()) {
      return true;
    }
    if (text.startsWith("/")) {
      if (!ROUTE.matcher(text).matches()) {
        return true;
      }
      int end = text.indexOf('/', 1);
      String first = text.substring(1, end < 0 ? text.length() : end).toLowerCase(Locale.ROOT);
      return FILESYSTEM_ROOTS.contains(first);
    }
    // relative paths with a directory part and a file name, e.g. src/main/Foo.java; a dot in a
    // vendor's model id (meta-llama/Meta-Llama-3.1-8B-Instruct) is not a file extension
    int slash = text.lastIndexOf('/');
    return slash > 0 && text.indexOf('.', slash) > slash + 1 && text.indexOf(':') < 0 && text.indexOf('@') < 0
        && FILE_EXTENSION.matcher(text.substring(text.lastIndexOf('.') + 1)).matches();
  }

  private static boolean looksLikeSecret(String text) {
    if (SECRET_PREFIX.matcher(text).lookingAt() || text.regionMatches(true, 0, "bearer ", 0, 7)
        || text.regionMatches(true, 0, "basic ", 0, 6)) {
      return true;
    }
    if (text.length() < 20) {
      return false;
    }
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    int separators = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      upper |= Character.isUpperCase(c);
      lower |= Character.isLowerCase(c);
      digit |= Character.isDigit(c);
      if (c == '-' || c == '.' || c == '/' || c == ':' || c == '@') {
        separators++;
      }
    }
    // Vendor ids (gpt-4o-mini, claude-3-5-sonnet-20241022) are lower case and hyphenated; random
    // credentials mix cases and digits in long unbroken runs.
    return upper && lower && digit && separators <= 2 && entropyBitsPerChar(text) > 3.5;
  }

  private static double entropyBitsPerChar(String text) {
    int[] counts = new int[128];
    int other = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double entropy = 0;
    double length = text.length();
    for (int count : counts) {
      if (count > 0) {
        double p = count / length;
        entropy -= p * (Math.log(p) / Math.log(2));
      }
    }
    if (other > 0) {
      double p = other / length;
      entropy -= p * (Math.log(p) / Math.log(2));
    }
    return entropy;
  }
}
