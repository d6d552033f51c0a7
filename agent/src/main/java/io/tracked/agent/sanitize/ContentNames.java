package io.tracked.agent.sanitize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parameter, field and map-key names that say the value is content (a prompt, code, a message, a
 * password, a token, a path, an e-mail address, a person's name...): such a value is dropped whatever
 * it holds. A name is split into words ({@code systemPrompt}, {@code api_key}, {@code API-KEY}) and
 * its head — the last word, after generic holders such as {@code value} or {@code data} — decides:
 * {@code promptTokens} is a count, {@code fileExtension} an extension, {@code filePath} a path.
 */
final class ContentNames {

  private ContentNames() {}

  /** Head words that always mean content. */
  private static final Set<String> CONTENT = Chars.words(
      // code and text
      "prompt", "prompts", "code", "snippet", "snippets", "text", "texts", "content", "contents", "body", "bodies",
      "message", "messages", "msg", "msgs", "completion", "completions", "suggestion", "prefix", "suffix",
      "selection", "input", "inputs", "query", "queries", "search", "diff", "diffs", "patch", "html", "markdown",
      "transcript", "conversation", "output", "outputs", "stdout", "stderr", "log", "logs", "stack", "stacktrace",
      "traceback", "trace", "description", "comment", "comments", "note", "notes", "summary", "question",
      "answer", "response", "instruction", "instructions", "document", "clipboard", "line", "args",
      "arguments", "argv", "cmdline", "commandline",
      // credentials
      "password", "passwords", "passwd", "pwd", "passphrase", "pin", "secret", "secrets", "token", "credential",
      "credentials", "creds", "apikey", "auth", "authorization", "cookie", "cookies", "signature", "salt", "otp",
      "cvv", "cvc", "privatekey", "accesskey", "secretkey", "clientsecret", "sessiontoken", "accesstoken",
      "refreshtoken", "bearer",
      // personal data
      "email", "emails", "mail", "phone", "phones", "mobile", "telephone", "fax", "address", "addresses", "ssn",
      "iban", "birthday", "birthdate", "dob", "user", "users", "username", "usernames", "login", "author",
      "owner", "assignee", "person", "customer", "fullname", "firstname", "lastname", "surname", "nickname",
      "displayname", "latitude", "longitude", "lat", "lng", "lon", "coordinates", "location", "geo", "zip",
      "zipcode", "postcode", "city", "street", "passport", "hostname", "ip",
      // files
      "path", "paths", "filepath", "filepaths", "filename", "filenames", "file", "files", "dir", "dirs",
      "directory", "directories", "folder", "folders", "cwd", "uri", "uris", "workspacefolder", "home");

  /** Head words that hold a measure, state or category of something, never the thing: promptTokens, textLength. */
  private static final Set<String> METADATA = Chars.words(
      "count", "counts", "length", "len", "size", "tokens", "lines", "chars", "characters", "bytes", "words",
      "ms", "millis", "seconds", "secs", "duration", "time", "latency", "index", "idx", "offset", "type",
      "types", "kind", "kinds", "hash", "enabled", "disabled", "visible", "present", "provided", "format",
      "lang", "language", "mode", "status", "version", "level", "limit", "max", "min", "total", "num", "ratio",
      "score", "rate", "percent", "pct", "depth", "width", "height", "timestamp", "at", "changed", "shown",
      "accepted", "rejected", "truncated", "redacted", "exists", "valid", "source", "origin", "provider", "model",
      "policy", "strength", "expiry", "expires", "ttl", "scope", "scopes", "class", "category", "outcome");

  /** Generic words that only say "a value of": {@code promptValue} is a prompt, {@code tokenString} a token. */
  private static final Set<String> HOLDERS = Chars.words(
      "value", "values", "val", "string", "str", "data", "raw", "payload", "blob", "buffer", "json", "chunk",
      "chunks", "fragment", "part", "parts", "template", "field", "param", "arg", "item", "items", "list",
      "block", "entry", "object", "obj", "info");

  /** Qualifiers that make a name about a person or an account: userId, fileName, phoneNumber, userKey. */
  private static final Set<String> PERSONAL = Chars.words(
      "user", "account", "customer", "client", "member", "employee", "person", "email", "login", "device",
      "machine", "hardware", "tax", "national", "social", "passport", "license", "licence", "author", "owner",
      "contact", "patient", "student", "card", "credit", "phone", "mobile", "tel", "iban", "bank", "routing",
      "ssn", "security", "file", "full", "first", "last", "given", "family", "sur", "nick", "display", "real",
      "host", "computer", "workspace", "project", "repo", "repository", "branch", "folder", "dir", "directory",
      "path", "company", "org", "organization", "team", "id");

  /** Qualifiers under which "key" is a credential when it appears in an assignment: api_key, AccountKey. */
  private static final Set<String> KEY_QUALIFIERS = Chars.words(
      "api", "access", "secret", "private", "account", "client", "master", "signing", "encryption", "auth",
      "license", "licence", "subscription", "app", "service", "shared", "storage", "x", "user", "session");

  /** Heads that are content only with a personal qualifier: userId (but requestId), fileName (but modelName). */
  private static final Set<String> QUALIFIED = Chars.words("id", "ids", "name", "names", "number", "key", "keys",
      "handle");

  /** Qualifiers under which "code" is a category, not source code: statusCode, languageCode. */
  private static final Set<String> CODE_CATEGORIES = Chars.words(
      "status", "error", "exit", "response", "return", "http", "key", "country", "language", "lang", "region",
      "currency", "result", "reason", "locale", "state", "event", "keyboard", "color", "colour", "lint", "rule");

  /** Single-word spellings that end in a content word: systemprompt, apitoken, userpassword. */
  private static final String[] CONTENT_SUFFIXES = {
      "prompt", "password", "passwd", "secret", "token", "apikey", "filepath", "filename", "username", "email",
      "content", "contents", "message", "snippet", "privatekey", "accesskey", "secretkey"};

  /** Words that make a name suggest a key without announcing one: styleKey, licenseKey, serialNumber, accountSid. */
  private static final Set<String> KEY_WORDS = Chars.words(
      "key", "keys", "license", "licence", "serial", "sid", "account", "acct", "pat", "passcode", "activation");

  /** Bits of {@link #flags(String)}: the name announces content; the name suggests a key. */
  static final int IS_CONTENT = 1;
  static final int KEY_LIKE = 2;
  private static final Map<String, Integer> CACHE = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 4096;

  /** {@code true} when a value called {@code name} is content, whatever it holds. */
  static boolean isContent(String name) {
    return (flags(name) & IS_CONTENT) != 0;
  }

  /**
   * {@code true} when {@code name} is not content but suggests a key ({@code styleKey}, {@code openaiKey},
   * {@code accountSid}): its values are judged strictly, a letters-and-digits token being taken for a key.
   */
  static boolean suggestsKey(String name) {
    return (flags(name) & KEY_LIKE) != 0;
  }

  /** {@link #IS_CONTENT} and {@link #KEY_LIKE} for {@code name}, cached. */
  static int flags(String name) {
    if (name == null || name.isEmpty()) {
      return 0;
    }
    Integer cached = CACHE.get(name);
    if (cached != null) {
      return cached;
    }
    List<String> words = words(name, 0, name.length());
    int flags = 0;
    for (String word : words) {
      flags |= KEY_WORDS.contains(word) || word.endsWith("key") ? KEY_LIKE : 0;
    }
    if (judge(words)) {
      flags = IS_CONTENT;
    }
    if (CACHE.size() < CACHE_LIMIT) {
      CACHE.put(name, flags);
    }
    return flags;
  }

  /** Whether the identifier s[from, to) (left of an '=' or ':') names a credential: api_key, password, X-Auth-Token. */
  static boolean namesCredential(String s, int from, int to) {
    List<String> words = words(s, from, to);
    strip(words);
    if (words.isEmpty()) {
      return false;
    }
    String head = words.get(words.size() - 1);
    String previous = words.size() > 1 ? words.get(words.size() - 2) : "";
    switch (head) {
      case "password":
      case "passwd":
      case "pwd":
      case "passphrase":
      case "secret":
      case "token":
      case "apikey":
      case "credential":
      case "credentials":
      case "authorization":
      case "auth":
      case "sig":
      case "signature":
      case "cookie":
      case "privatekey":
      case "accesskey":
      case "secretkey":
      case "accountkey":
      case "clientsecret":
      case "accesstoken":
      case "refreshtoken":
      case "sessiontoken":
      case "bearer":
      case "pass":
        return true;
      case "key":
        return KEY_QUALIFIERS.contains(previous) || previous.isEmpty();
      default:
        for (String suffix : new String[] {"password", "secret", "token", "apikey", "passwd"}) {
          if (head.endsWith(suffix)) {
            return true;
          }
        }
        return false;
    }
  }

  private static boolean judge(List<String> words) {
    strip(words);
    if (words.isEmpty()) {
      return false;
    }
    String head = words.get(words.size() - 1);
    String previous = words.size() > 1 ? words.get(words.size() - 2) : "";
    if (METADATA.contains(head)) {
      return false;
    }
    if (head.equals("code") || head.equals("codes")) {
      return !CODE_CATEGORIES.contains(previous);
    }
    if (QUALIFIED.contains(head)) {
      if (head.startsWith("key")) {
        // a key is a credential by its qualifier (apiKey, licenseKey, userKey) or alone; styleKey, sortKey,
        // queryKey are lookup keys, and their values are judged strictly instead (suggestsKey)
        return previous.isEmpty() || KEY_QUALIFIERS.contains(previous) || PERSONAL.contains(previous);
      }
      return PERSONAL.contains(previous);
    }
    if (CONTENT.contains(head)) {
      return true;
    }
    if (words.size() == 1) {
      for (String suffix : CONTENT_SUFFIXES) {
        if (head.endsWith(suffix) && head.length() > suffix.length()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Drops trailing holder words: promptValue -> prompt; a name made only of holders stays "value". */
  private static void strip(List<String> words) {
    while (words.size() > 1 && HOLDERS.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    if (words.size() == 1 && HOLDERS.contains(words.get(0))) {
      words.clear();
    }
  }

  /** Lower-case words of s[from, to): split at non-alphanumerics and at camelCase and ACRONYMWord boundaries. */
  static List<String> words(String s, int from, int to) {
    List<String> words = new ArrayList<>(4);
    int start = -1;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : ' ';
      boolean part = Character.isLetterOrDigit(c);
      if (part && start >= 0 && i > start) {
        char p = s.charAt(i - 1);
        boolean lowerToUpper = Character.isLowerCase(p) && Character.isUpperCase(c);
        boolean acronymEnd = Character.isUpperCase(p) && Character.isUpperCase(c) && i + 1 < to
            && Character.isLowerCase(s.charAt(i + 1));
        if (lowerToUpper || acronymEnd) {
          words.add(s.substring(start, i).toLowerCase(Locale.ROOT));
          start = i;
        }
      }
      if (part && start < 0) {
        start = i;
      } else if (!part && start >= 0) {
        words.add(s.substring(start, i).toLowerCase(Locale.ROOT));
        start = -1;
      }
    }
    return words;
  }
}
