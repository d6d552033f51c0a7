package io.tracked.agent.sanitize;

import java.util.ArrayList;
import java.util.List;

/**
 * Credentials by their published shape: a table of vendor token formats (a literal prefix and a body
 * of a given character class and length), JSON Web Tokens, PEM and other private-key blocks,
 * {@code Authorization} header values and {@code key=value} assignments whose key names a secret.
 * Random-looking strings of unknown format are {@link Randomness}'s job.
 *
 * <p>Every check is a hand-written scan: linear in the input, no regular expression.
 */
final class SecretFormats {

  private SecretFormats() {}

  // body character classes
  private static final int ALNUM = 0;
  private static final int WORD = 1; // alnum and _
  private static final int WORD_DASH = 2; // alnum, _ and -
  private static final int BASE64 = 3; // alnum, + / =
  private static final int HEX = 4;
  private static final int LOWER_ALNUM = 5;
  private static final int UPPER_ALNUM = 6;
  private static final int TOKEN = 7; // alnum, _ - . + / = ~

  /** One vendor's format: the prefix, then {@code min..max} body characters of one class. */
  private record Format(String prefix, int body, int min, int max, String reason) {

    boolean matches(String s, int at, int to, boolean wordStart) {
      if (!s.startsWith(prefix, at)) {
        return false;
      }
      int start = at + prefix.length();
      if (wordStart && distinctive(prefix) && runLength(s, start, to, TOKEN, 4) >= 4) {
        return true; // a known prefix is enough: ghp_XXXX, glpat-xxxx-xxxx, a placeholder or a truncated key
      }
      if (wordStart && placeholder(s, start, to)) {
        return true; // npm_XXXXXXXXXXXX, hf_xxxxxxxx: any prefix of the table with a placeholder body
      }
      // an open-ended format is decided once min characters are seen: scan no further (linear overall)
      int limit = Math.min(to, max > 300 ? start + min : start + max + 1);
      int i = start;
      while (i < limit && accepts(body, s.charAt(i))) {
        i++;
      }
      int length = i - start;
      if (length < min || length > max) {
        return false;
      }
      // an exact-length format must end there, not run on into more letters
      return max > 300 || i >= to || !Chars.isAlnum(s.charAt(i));
    }
  }

  private static final int OPEN = 4096;

  private static final Format[] FORMATS = {
      // AWS access key ids (and the other IAM unique-id prefixes), Bedrock API keys
      f("AKIA", UPPER_ALNUM, 16, 16), f("ASIA", UPPER_ALNUM, 16, 16), f("ABIA", UPPER_ALNUM, 16, 16),
      f("ACCA", UPPER_ALNUM, 16, 16), f("AGPA", UPPER_ALNUM, 16, 16), f("AIDA", UPPER_ALNUM, 16, 16),
      f("AROA", UPPER_ALNUM, 16, 16), f("AIPA", UPPER_ALNUM, 16, 16), f("ANPA", UPPER_ALNUM, 16, 16),
      f("ANVA", UPPER_ALNUM, 16, 16), f("APKA", UPPER_ALNUM, 16, 16), f("A3T", UPPER_ALNUM, 17, 17),
      f("ABSK", BASE64, 60, OPEN),
      // GitHub
      f("ghp_", ALNUM, 20, OPEN), f("gho_", ALNUM, 20, OPEN), f("ghu_", ALNUM, 20, OPEN),
      f("ghs_", ALNUM, 20, OPEN), f("ghr_", ALNUM, 20, OPEN), f("github_pat_", WORD, 20, OPEN),
      // GitLab
      f("glpat-", WORD_DASH, 16, OPEN), f("gldt-", WORD_DASH, 16, OPEN), f("glft-", WORD_DASH, 16, OPEN),
      f("glsoat-", WORD_DASH, 16, OPEN), f("glrt-", WORD_DASH, 16, OPEN), f("glptt-", WORD_DASH, 16, OPEN),
      f("glcbt-", WORD_DASH, 16, OPEN), f("glimt-", WORD_DASH, 16, OPEN), f("glagent-", WORD_DASH, 16, OPEN),
      f("gloas-", WORD_DASH, 16, OPEN), f("GR1348941", WORD_DASH, 16, OPEN),
      // Slack
      f("xoxb-", WORD_DASH, 6, OPEN), f("xoxp-", WORD_DASH, 6, OPEN), f("xoxa-", WORD_DASH, 6, OPEN),
      f("xoxr-", WORD_DASH, 6, OPEN), f("xoxs-", WORD_DASH, 6, OPEN), f("xoxe-", WORD_DASH, 6, OPEN),
      f("xoxo-", WORD_DASH, 6, OPEN), f("xoxc-", WORD_DASH, 6, OPEN), f("xoxd-", WORD_DASH, 6, OPEN),
      f("xapp-", WORD_DASH, 6, OPEN), f("hooks.slack.com/", TOKEN, 8, OPEN),
      // Stripe
      f("sk_live_", ALNUM, 8, OPEN), f("sk_test_", ALNUM, 8, OPEN), f("sk_prod_", ALNUM, 8, OPEN),
      f("rk_live_", ALNUM, 8, OPEN), f("rk_test_", ALNUM, 8, OPEN), f("pk_live_", ALNUM, 8, OPEN),
      f("pk_test_", ALNUM, 8, OPEN), f("whsec_", ALNUM, 16, OPEN),
      // OpenAI (sk-proj-, sk-svcacct-, sk-admin-, legacy sk-), Anthropic (sk-ant-), OpenRouter (sk-or-),
      // DeepSeek and the many OpenAI-compatible providers that copied the sk- prefix
      f("sk-", WORD_DASH, 8, OPEN),
      // Google: API keys, OAuth client secrets, access and refresh tokens
      f("AIza", WORD_DASH, 30, OPEN), f("GOCSPX-", WORD_DASH, 16, OPEN), f("ya29.", WORD_DASH, 20, OPEN),
      f("1//0", WORD_DASH, 20, OPEN),
      // package registries: npm, PyPI, RubyGems, NuGet, Docker Hub
      f("npm_", ALNUM, 30, OPEN), f("pypi-", WORD_DASH, 30, OPEN), f("rubygems_", HEX, 40, OPEN),
      f("oy2", LOWER_ALNUM, 43, 43), f("dckr_pat_", WORD_DASH, 16, OPEN),
      // Hugging Face
      f("hf_", ALNUM, 30, OPEN), f("api_org_", ALNUM, 30, OPEN),
      // SendGrid, Twilio, Mailgun
      f("SG.", TOKEN, 40, OPEN), f("SK", HEX, 32, 32), f("AC", HEX, 32, 32), f("key-", HEX, 32, 32),
      // DigitalOcean, Shopify, Databricks, Supabase, Sentry, HashiCorp Vault, Grafana
      f("dop_v1_", HEX, 64, OPEN), f("doo_v1_", HEX, 64, OPEN), f("dor_v1_", HEX, 64, OPEN),
      f("shpat_", HEX, 32, OPEN), f("shpss_", HEX, 32, OPEN), f("shpca_", HEX, 32, OPEN),
      f("shppa_", HEX, 32, OPEN), f("dapi", HEX, 32, 32), f("sbp_", HEX, 40, OPEN),
      f("sntrys_", TOKEN, 30, OPEN), f("sntryu_", HEX, 30, OPEN), f("hvs.", WORD_DASH, 20, OPEN),
      f("hvb.", WORD_DASH, 20, OPEN), f("hvr.", WORD_DASH, 20, OPEN), f("glsa_", WORD, 20, OPEN),
      f("glc_", TOKEN, 20, OPEN),
      // AI providers with their own prefixes
      f("pplx-", ALNUM, 32, OPEN), f("gsk_", ALNUM, 32, OPEN), f("r8_", ALNUM, 30, OPEN),
      f("xai-", ALNUM, 40, OPEN), f("nvapi-", WORD_DASH, 40, OPEN), f("fw_", ALNUM, 20, OPEN),
      f("jina_", ALNUM, 40, OPEN), f("csk-", ALNUM, 40, OPEN), f("pa-", WORD_DASH, 40, OPEN),
      // developer platforms
      f("lin_api_", ALNUM, 30, OPEN), f("PMAK-", WORD_DASH, 40, OPEN), f("ATATT3", TOKEN, 50, OPEN),
      f("ATBB", ALNUM, 32, OPEN), f("AKCp", ALNUM, 60, OPEN), f("nfp_", ALNUM, 30, OPEN),
      f("HRKU-", WORD_DASH, 30, OPEN), f("dp.st.", WORD, 40, OPEN), f("dp.pt.", WORD, 40, OPEN),
      f("dp.ct.", WORD, 40, OPEN), f("dp.sa.", WORD, 40, OPEN), f("pul-", HEX, 40, OPEN),
      f("pscale_tkn_", WORD_DASH, 30, OPEN), f("pscale_pw_", WORD_DASH, 30, OPEN), f("figd_", WORD_DASH, 30, OPEN),
      f("secret_", ALNUM, 40, OPEN), f("ntn_", ALNUM, 40, OPEN), f("fo1_", WORD_DASH, 30, OPEN),
      f("fm2_", TOKEN, 30, OPEN), f("sq0atp-", WORD_DASH, 20, OPEN), f("sq0csp-", WORD_DASH, 20, OPEN),
      f("EAAA", WORD_DASH, 60, OPEN), f("EAACEdEose0cBA", ALNUM, 20, OPEN), f("sgp_", HEX, 40, OPEN),
      f("tskey-", WORD_DASH, 20, OPEN), f("LTAI", ALNUM, 12, 24),
      // keys: age, SSH public keys, DER (base64 "MII..."), OpenSSH private key bodies
      f("AGE-SECRET-KEY-1", UPPER_ALNUM, 50, OPEN), f("AAAAB3NzaC1", BASE64, 20, OPEN),
      f("AAAAC3NzaC1", BASE64, 20, OPEN), f("AAAAE2VjZHNh", BASE64, 20, OPEN), f("MII", BASE64, 60, OPEN),
      new Format("b3BlbnNzaC1rZXktdjE", BASE64, 0, OPEN, Reasons.PRIVATE_KEY),
  };

  /** Prefixes that are also parts of ordinary identifiers: they need their format's full body. */
  private static final java.util.Set<String> WEAK_PREFIXES = Chars.words(
      "key-", "secret_", "xai-", "pplx-", "csk-", "pul-", "jina_", "api_org_", "npm_", "pypi-", "fo1_", "fm2_");

  /**
   * A prefix no identifier starts with: four characters or more, ending in '_', '-' or '.', and not one of
   * {@link #WEAK_PREFIXES}. At the start of a word it is enough, whatever body follows.
   */
  static boolean distinctive(String prefix) {
    int n = prefix.length();
    char last = prefix.charAt(n - 1);
    return n >= 4 && (last == '_' || last == '-' || last == '.') && !WEAK_PREFIXES.contains(prefix);
  }

  /** Eight or more of one character ({@code XXXXXXXX}, {@code xxxxxxxx}, {@code 00000000}) up to the end of the word. */
  private static boolean placeholder(String s, int from, int to) {
    if (to - from < 8) {
      return false;
    }
    char c = s.charAt(from);
    for (int i = from + 1; i < to; i++) {
      if (s.charAt(i) != c && !(s.charAt(i) == '-' && i + 1 < to && s.charAt(i + 1) == c)) {
        return i - from >= 8 && !Chars.isAlnum(s.charAt(i));
      }
    }
    return Chars.isAlnum(c);
  }

  /** The number of vendor formats in the table (each prefix counted once). */
  static int formatCount() {
    return FORMATS.length;
  }

  private static Format f(String prefix, int body, int min, int max) {
    return new Format(prefix, body, min, max, Reasons.SECRET);
  }

  private static final Format[][] BY_FIRST_CHAR = new Format[128][];

  static {
    List<List<Format>> lists = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      lists.add(new ArrayList<>());
    }
    for (Format format : FORMATS) {
      lists.get(format.prefix().charAt(0)).add(format);
    }
    for (int i = 0; i < 128; i++) {
      if (!lists.get(i).isEmpty()) {
        BY_FIRST_CHAR[i] = lists.get(i).toArray(new Format[0]);
      }
    }
  }

  private static boolean accepts(int body, char c) {
    switch (body) {
      case ALNUM:
        return Chars.isAlnum(c);
      case WORD:
        return Chars.isAlnum(c) || c == '_';
      case WORD_DASH:
        return Chars.isAlnum(c) || c == '_' || c == '-';
      case BASE64:
        return Chars.isAlnum(c) || c == '+' || c == '/' || c == '=';
      case HEX:
        return Chars.isHex(c);
      case LOWER_ALNUM:
        return Chars.isLower(c) || Chars.isDigit(c);
      case UPPER_ALNUM:
        return Chars.isUpper(c) || Chars.isDigit(c);
      default:
        return Chars.isAlnum(c) || c == '_' || c == '-' || c == '.' || c == '+' || c == '/' || c == '=' || c == '~';
    }
  }

  /**
   * The reason for the first vendor token, JWT or key marker found at the start of a sub-word of
   * s[from, to) (a letter or digit after a non-alphanumeric character), or {@code null}.
   */
  static String findToken(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!Chars.isAlnum(c) || (i > from && Chars.isAlnum(s.charAt(i - 1)))) {
        continue;
      }
      Format[] candidates = BY_FIRST_CHAR[c];
      if (candidates != null) {
        for (Format format : candidates) {
          if (format.matches(s, i, to, i == from)) {
            return format.reason();
          }
        }
      }
      if (c == 'e' && s.startsWith("eyJ", i) && runLength(s, i + 3, to, WORD_DASH, 12) >= 12) {
        return Reasons.SECRET; // a JWT (or JWS/JWE header): base64url of '{"'
      }
      if (Chars.isDigit(c) && telegramBotToken(s, i, to)) {
        return Reasons.SECRET;
      }
    }
    if (indexIn(s, "T3BlbkFJ", from, to) >= 0 || indexIn(s, ".atlasv1.", from, to) >= 0) {
      return Reasons.SECRET; // OpenAI's base64 "OpenAI" marker; Terraform Cloud tokens
    }
    if (azureClientSecret(s, from, to)) {
      return Reasons.SECRET;
    }
    return null;
  }

  /** PEM blocks ("-----BEGIN ... PRIVATE KEY-----"), PuTTY and OpenSSH key files; other PEM blocks are secrets too. */
  static String privateKey(String s) {
    if (s.length() < 10) {
      return null;
    }
    if (s.indexOf("PRIVATE KEY") >= 0 || s.indexOf("PuTTY-User-Key-File") >= 0
        || s.indexOf("OPENSSH PRIVATE") >= 0) {
      return Reasons.PRIVATE_KEY;
    }
    if (s.indexOf("-----BEGIN") >= 0 || s.indexOf("-----END") >= 0) {
      return Reasons.SECRET;
    }
    return null;
  }

  /** "Bearer x", "Basic dXNlcjpwYXNz", "token ghp_...", "Digest username=..." anywhere in a text. */
  static boolean authorizationValue(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = Chars.lower(s.charAt(i));
      if ((c != 'b' && c != 't' && c != 'd' && c != 'n') || !Chars.boundaryBefore(s, i, 0)) {
        continue;
      }
      int after;
      int minimum;
      if (Chars.startsWithIgnoreCase(s, i, "bearer ")) {
        after = i + 7;
        minimum = 4;
      } else if (Chars.startsWithIgnoreCase(s, i, "basic ")) {
        after = i + 6;
        minimum = 8;
      } else if (Chars.startsWithIgnoreCase(s, i, "token ")) {
        after = i + 6;
        minimum = 16;
      } else if (Chars.startsWithIgnoreCase(s, i, "digest ") || Chars.startsWithIgnoreCase(s, i, "negotiate ")
          || Chars.startsWithIgnoreCase(s, i, "ntlm ")) {
        after = s.indexOf(' ', i) + 1;
        minimum = 8;
      } else {
        continue;
      }
      int end = after;
      boolean digit = false;
      while (end < n && !Chars.isWordSeparator(s.charAt(end))) {
        digit |= Chars.isDigit(s.charAt(end));
        end++;
      }
      int length = end - after;
      if (length >= minimum && (minimum <= 4 || digit || length >= 20
          || (minimum == 8 && (s.charAt(end - 1) == '=' || mixedCase(s, after, end))))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code password=hunter2}, {@code "apiKey": "..."}, {@code AWS_SECRET_ACCESS_KEY: ...}: an
   * assignment (or JSON/YAML/header field) whose key names a credential and whose value is not empty.
   */
  static boolean secretAssignment(String s) {
    int n = s.length();
    for (int k = 0; k < n; k++) {
      char c = s.charAt(k);
      if (c != '=' && c != ':') {
        continue;
      }
      if (c == ':' && k + 2 < n && s.charAt(k + 1) == '/' && s.charAt(k + 2) == '/') {
        continue; // a URL scheme; URLs are judged on their own
      }
      int b = k;
      int skipped = 0;
      while (b > 0 && skipped < 3 && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '"' || s.charAt(b - 1) == '\'')) {
        b--;
        skipped++;
      }
      if (b == 0 || !Chars.isLetter(s.charAt(b - 1))) {
        continue;
      }
      int a = b;
      while (a > 0 && b - a < 48 && (Chars.isAlnum(s.charAt(a - 1)) || s.charAt(a - 1) == '_'
          || s.charAt(a - 1) == '-' || s.charAt(a - 1) == '.')) {
        a--;
      }
      if (!ContentNames.namesCredential(s, a, b)) {
        continue;
      }
      int v = k + 1;
      skipped = 0;
      while (v < n && skipped < 3 && (s.charAt(v) == ' ' || s.charAt(v) == '"' || s.charAt(v) == '\'')) {
        v++;
        skipped++;
      }
      int end = v;
      while (end < n && end - v < 3 && !Chars.isWordSeparator(s.charAt(end))) {
        end++;
      }
      if (end - v >= 3) {
        return true;
      }
    }
    return false;
  }

  private static boolean telegramBotToken(String s, int at, int to) {
    int i = Chars.skipDigits(s, at, to);
    int digits = i - at;
    return digits >= 8 && digits <= 10 && i + 3 < to && s.charAt(i) == ':' && s.charAt(i + 1) == 'A'
        && s.charAt(i + 2) == 'A' && runLength(s, i + 3, to, WORD_DASH, 30) >= 30;
  }

  /** Azure AD client secrets: three characters, a digit, "Q~", then 31 to 34 more. */
  private static boolean azureClientSecret(String s, int from, int to) {
    int q = indexIn(s, "Q~", from, to);
    while (q >= 0) {
      if (q - 4 >= from && Chars.isDigit(s.charAt(q - 1)) && runLength(s, q + 2, to, TOKEN, 31) >= 31) {
        return true;
      }
      q = indexIn(s, "Q~", q + 2, to);
    }
    return false;
  }

  private static int runLength(String s, int from, int to, int body, int enough) {
    int i = from;
    while (i < to && i - from < enough && accepts(body, s.charAt(i))) {
      i++;
    }
    return i - from;
  }

  private static boolean mixedCase(String s, int from, int to) {
    boolean upper = false;
    boolean lower = false;
    for (int i = from; i < to; i++) {
      upper |= Chars.isUpper(s.charAt(i));
      lower |= Chars.isLower(s.charAt(i));
    }
    return upper && lower;
  }

  static int indexIn(String s, String needle, int from, int to) {
    return Chars.indexOf(s, needle, from, to);
  }
}
