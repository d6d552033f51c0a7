package io.tracked.agent.sanitize;

import java.util.Set;

/**
 * Where a person or their machine can be reached or located: URLs (and whether they carry
 * credentials), e-mail addresses, IPv4 and IPv6 addresses, MAC addresses and host names (internal
 * or public, Windows and macOS machine names). Hand-written linear scans.
 */
final class Network {

  private Network() {}

  /**
   * Public product and service domains that analytics needs (which provider or registry an editor talks
   * to): kept when they are the whole value, exactly. Any other host name, on any top-level domain, is
   * dropped; a company's own endpoint under a provider's domain ({@code acme.openai.azure.com}) too.
   */
  private static final Set<String> PUBLIC_SERVICES = Chars.words(
      "github.com", "api.github.com", "gitlab.com", "bitbucket.org", "api.openai.com", "openai.com",
      "api.anthropic.com", "anthropic.com", "openrouter.ai", "api.mistral.ai", "codestral.mistral.ai",
      "generativelanguage.googleapis.com", "aiplatform.googleapis.com", "api.groq.com", "api.deepseek.com",
      "api.together.xyz", "api.together.ai", "api.fireworks.ai", "api.cohere.com", "api.cohere.ai", "api.x.ai",
      "api.perplexity.ai", "api.voyageai.com", "api.jina.ai", "api.cerebras.ai", "api.sambanova.ai",
      "integrate.api.nvidia.com", "api-inference.huggingface.co", "huggingface.co", "hf.co", "ollama.com",
      "registry.ollama.ai", "marketplace.visualstudio.com", "open-vsx.org", "plugins.jetbrains.com",
      "registry.npmjs.org", "npmjs.com", "pypi.org", "repo.maven.apache.org", "repo1.maven.org", "crates.io",
      "pkg.go.dev", "proxy.golang.org", "api.continue.dev", "hub.continue.dev", "copilot-proxy.githubusercontent.com",
      "api.githubcopilot.com", "us.i.posthog.com", "eu.i.posthog.com", "app.posthog.com");

  /**
   * First labels of editors' command and setting ids (workbench.action.files.save, vscode.open): a dotted
   * name under one is an id, not a host, when its middle labels are {@link #COMMAND_WORDS} or camelCase and,
   * for two labels, its last is no private-use domain (git.corp and git.acme.engineering are hosts).
   */
  private static final Set<String> COMMAND_NAMESPACES = Chars.words(
      "workbench", "editor", "vscode", "git", "continue", "extension", "explorer", "debug", "terminal", "notebook",
      "search", "github", "copilot", "cursor", "markdown", "typescript", "javascript", "python", "java", "testing",
      "settings", "welcome", "view", "window", "list", "breadcrumbs", "problems", "outline", "timeline", "scm",
      "inlinechat", "chat", "emmet", "jupyter", "npm", "references-view", "merge-conflict", "files", "keybindings",
      "diffeditor", "interactive", "remote", "remote-containers", "rust-analyzer", "go", "gitlens", "intellij",
      "idea", "action", "actions", "tab", "tabs", "cline", "roo-cline", "cody", "tabnine", "codeium", "windsurf",
      "file");

  /** Middle labels of command ids: workbench.action.tasks.test, editor.action.inline.open. */
  private static final Set<String> COMMAND_WORDS = Chars.words(
      "action", "actions", "files", "file", "tasks", "task", "chat", "view", "views", "debug", "terminal", "editor",
      "inline", "suggest", "panel", "sidebar", "explorer", "search", "git", "scm", "notebook", "window",
      "workbench", "settings", "preferences", "keybindings", "commands", "command", "extensions", "extension",
      "output", "problems", "quickopen", "focus", "toggle", "open", "show", "navigate", "refactor", "format",
      "test", "testing", "run", "copilot", "continue", "interactive", "tab", "tabs", "diff", "merge", "markdown",
      "preview", "config", "core", "quick", "edit", "accept", "reject", "next", "previous", "new", "close");

  /** First labels of reverse-DNS identifiers (Java packages, bundle ids): com.example.app is not a host. */
  private static final Set<String> REVERSE_DNS = Chars.words(
      "com", "org", "net", "io", "dev", "edu", "gov", "de", "fr", "uk", "nl", "eu", "ch", "jp", "co", "me", "ai",
      "app", "us");

  /** Public model hubs whose host is part of how a model is named: hf.co/org/model:quant (Ollama). */
  private static final Set<String> MODEL_HUBS = Chars.words("hf.co", "huggingface.co", "registry.ollama.ai",
      "ollama.com");

  /**
   * The reason for a URL in the word s[from, to): {@code path} for {@code file:} URIs,
   * {@code url-credentials} when it carries a user, password or token, else {@code url}; or {@code null}.
   */
  static String url(String s, int from, int to) {
    int k = SecretFormats.indexIn(s, "://", from, to);
    if (k < 0) {
      for (int i = from; i + 4 < to; i++) {
        if ((s.charAt(i) == 'w' || s.charAt(i) == 'W')
            && (i == from || s.charAt(i - 1) == '=' || s.charAt(i - 1) == ':')
            && Chars.startsWithIgnoreCase(s, i, "www.") && Chars.isAlnum(s.charAt(i + 4))) {
          return Reasons.URL;
        }
      }
      return null;
    }
    int a = k;
    while (a > from && (Chars.isAlnum(s.charAt(a - 1)) || s.charAt(a - 1) == '+' || s.charAt(a - 1) == '-'
        || s.charAt(a - 1) == '.')) {
      a--;
    }
    if (k - a == 4 && Chars.startsWithIgnoreCase(s, a, "file")) {
      return Reasons.PATH;
    }
    int authorityEnd = k + 3;
    while (authorityEnd < to && s.charAt(authorityEnd) != '/' && s.charAt(authorityEnd) != '?'
        && s.charAt(authorityEnd) != '#') {
      authorityEnd++;
    }
    if (SecretFormats.indexIn(s, "@", k + 3, authorityEnd) >= 0) {
      return Reasons.URL_CREDENTIALS;
    }
    int query = SecretFormats.indexIn(s, "?", authorityEnd, to);
    int fragment = SecretFormats.indexIn(s, "#", authorityEnd, to);
    int parameters = query >= 0 ? query : fragment;
    if (parameters >= 0 && SecretFormats.secretAssignment(s.substring(parameters + 1, to).replace('&', ' '))) {
      return Reasons.URL_CREDENTIALS;
    }
    return Reasons.URL;
  }

  /** {@code true} when s[from, to) contains an e-mail address (local part, '@', a dotted domain with a TLD). */
  static boolean email(String s, int from, int to) {
    int at = SecretFormats.indexIn(s, "@", from, to);
    while (at >= 0) {
      int a = at;
      while (a > from && localChar(s.charAt(a - 1))) {
        a--;
      }
      if (a < at) {
        if (at + 1 < to && s.charAt(at + 1) == '[' && at + 2 < to && Chars.isDigit(s.charAt(at + 2))) {
          return true; // user@[192.0.2.1]
        }
        int b = at + 1;
        while (b < to && domainChar(s.charAt(b))) {
          b++;
        }
        while (b > at + 1 && (s.charAt(b - 1) == '.' || s.charAt(b - 1) == '-')) {
          b--;
        }
        int dot = Chars.lastIndexOf(s, '.', at + 1, b);
        if (dot > at + 1 && b - dot - 1 >= 2 && allLetters(s, dot + 1, b)) {
          return true;
        }
        if (b - at - 1 == 9 && Chars.startsWithIgnoreCase(s, at + 1, "localhost")) {
          return true;
        }
      }
      at = SecretFormats.indexIn(s, "@", at + 1, to);
    }
    return false;
  }

  private static boolean localChar(char c) {
    if (c < 128) {
      return Chars.isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\''
          || c == '!' || c == '#' || c == '$' || c == '&' || c == '*' || c == '=' || c == '?' || c == '^'
          || c == '~';
    }
    return Character.isLetterOrDigit(c);
  }

  private static boolean domainChar(char c) {
    return c < 128 ? Chars.isAlnum(c) || c == '.' || c == '-' : Character.isLetterOrDigit(c);
  }

  private static boolean allLetters(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Character.isLetter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code true} when s[from, to) contains a dotted-quad IPv4 address. Four numbers that continue into
   * a longer dotted number, or into a version suffix ({@code 5.15.153.1-microsoft-standard-WSL2}), are
   * versions, not addresses.
   */
  static boolean ipv4(String s, int from, int to) {
    int i = from;
    while (i < to) {
      if (!Chars.isDigit(s.charAt(i)) || (i > from && (Chars.isAlnum(s.charAt(i - 1)) || s.charAt(i - 1) == '.'))) {
        i++;
        continue;
      }
      int j = i;
      int parts = 0;
      boolean valid = true;
      int first = -1;
      boolean allZero = true;
      while (parts < 4) {
        int start = j;
        int value = 0;
        while (j < to && j - start < 4 && Chars.isDigit(s.charAt(j))) {
          value = value * 10 + (s.charAt(j) - '0');
          j++;
        }
        int length = j - start;
        if (length == 0 || length > 3 || value > 255 || (length > 1 && s.charAt(start) == '0')) {
          valid = false;
          break;
        }
        if (parts == 0) {
          first = value;
        }
        allZero &= value == 0;
        parts++;
        if (parts < 4) {
          if (j < to && s.charAt(j) == '.') {
            j++;
          } else {
            valid = false;
            break;
          }
        }
      }
      if (valid && parts == 4) {
        boolean longer = j < to && (Chars.isAlnum(s.charAt(j)) || s.charAt(j) == '_'
            || (s.charAt(j) == '.' && j + 1 < to && Chars.isDigit(s.charAt(j + 1)))
            || (s.charAt(j) == '-' && j + 1 < to && Chars.isLetter(s.charAt(j + 1))));
        if (!longer && (first != 0 || allZero)) {
          return true;
        }
      }
      i = Math.max(j, i + 1);
    }
    return false;
  }

  /** {@code true} when s[from, to) contains an IPv6 address (full, compressed with "::", or with an IPv4 tail). */
  static boolean ipv6(String s, int from, int to) {
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      boolean startable = (Chars.isHex(c) || c == ':')
          && (i == from || !(Chars.isAlnum(s.charAt(i - 1)) || s.charAt(i - 1) == ':' || s.charAt(i - 1) == '.'));
      if (!startable) {
        i++;
        continue;
      }
      int j = i;
      while (j < to && (Chars.isHex(s.charAt(j)) || s.charAt(j) == ':' || s.charAt(j) == '.')) {
        j++;
      }
      int end = j;
      while (end > i && s.charAt(end - 1) == '.') {
        end--;
      }
      boolean boundary = j >= to || !Chars.isAlnum(s.charAt(j));
      if (boundary && end - i >= 3 && ipv6Run(s, i, end)) {
        return true;
      }
      i = j + 1;
    }
    return false;
  }

  private static boolean ipv6Run(String s, int from, int to) {
    int groups = 0;
    int doubleColons = 0;
    int k = from;
    if (s.charAt(k) == ':') {
      if (k + 1 < to && s.charAt(k + 1) == ':') {
        doubleColons = 1;
        k += 2;
      } else {
        return false;
      }
    }
    boolean hasGroup = false;
    while (k < to) {
      int g = k;
      boolean dotted = false;
      while (k < to && s.charAt(k) != ':') {
        dotted |= s.charAt(k) == '.';
        k++;
      }
      int length = k - g;
      if (length == 0) {
        return false;
      }
      if (dotted) {
        if (k != to || !ipv4(s, g, k)) {
          return false;
        }
        groups += 2;
      } else {
        if (length > 4) {
          return false;
        }
        groups++;
      }
      hasGroup = true;
      if (k < to) {
        if (k + 1 < to && s.charAt(k + 1) == ':') {
          doubleColons++;
          k += 2;
          if (doubleColons > 1) {
            return false;
          }
        } else {
          k++;
          if (k == to) {
            return false;
          }
        }
      }
    }
    if (!hasGroup) {
      return false;
    }
    return doubleColons == 1 ? groups <= 7 : groups == 8;
  }

  /** {@code true} when s[from, to) contains a MAC address: six hex pairs joined by ':' or '-', or Cisco's aaaa.bbbb.cccc. */
  static boolean mac(String s, int from, int to) {
    for (int i = from; i + 14 <= to; i++) {
      if (!Chars.isHex(s.charAt(i)) || !Chars.boundaryBefore(s, i, from)) {
        continue;
      }
      if (i + 17 <= to) {
        char sep = s.charAt(i + 2);
        if (sep == ':' || sep == '-') {
          boolean ok = true;
          for (int g = 0; g < 6 && ok; g++) {
            int p = i + g * 3;
            ok = Chars.isHex(s.charAt(p)) && Chars.isHex(s.charAt(p + 1)) && (g == 5 || s.charAt(p + 2) == sep);
          }
          if (ok && (i + 17 == to || !(Chars.isAlnum(s.charAt(i + 17)) || s.charAt(i + 17) == sep))) {
            return true;
          }
        }
      }
      if (s.charAt(i + 4) == '.' && s.charAt(i + 9) == '.') {
        boolean ok = true;
        for (int p = i; p < i + 14 && ok; p++) {
          ok = (p - i) % 5 == 4 ? s.charAt(p) == '.' : Chars.isHex(s.charAt(p));
        }
        if (ok && Chars.boundaryAt(s, i + 14, to)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code true} when the word s[from, to) is or contains a host name: a dotted name under a known
   * top-level or private suffix (not a reverse-DNS identifier such as {@code com.example.app}), a
   * Windows or macOS machine name, an AWS internal name, or {@code name:port}.
   */
  static boolean host(String s, int from, int to) {
    int i = from;
    while (i < to) {
      if (!domainRunChar(s.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < to && domainRunChar(s.charAt(j))) {
        j++;
      }
      if (dottedHost(s, i, j, to) || machineName(s, i, j) || hostWithPort(s, i, j, to)) {
        return true;
      }
      i = j;
    }
    return false;
  }

  private static boolean domainRunChar(char c) {
    return Chars.isAlnum(c) || c == '.' || c == '-';
  }

  private static boolean dottedHost(String s, int from, int to, int wordEnd) {
    int end = to;
    while (end > from && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
      end--;
    }
    int lastDot = Chars.lastIndexOf(s, '.', from, end);
    if (lastDot <= from || end - lastDot - 1 < 2 || end - lastDot - 1 > 24) {
      return false;
    }
    for (int k = lastDot + 1; k < end; k++) {
      if (!Chars.isLetter(s.charAt(k))) {
        return false;
      }
    }
    String tld = Chars.lowerCase(s, lastDot + 1, end);
    if (!TopLevelDomains.isTld(tld) || FilePaths.EXTENSIONS.contains(tld)) {
      return false; // (a name ending in a file extension is FilePaths' to judge: d.ts, Node.js, golang.go)
    }
    if (from == 0 && end == s.length() && PUBLIC_SERVICES.contains(Chars.lowerCase(s, from, end))) {
      return false;
    }
    if (Chars.isUpper(s.charAt(lastDot + 1)) && Chars.isLower(s.charAt(lastDot - 1)) && lowerLabels(s, from, lastDot)) {
      return false; // a Java class name: sun.nio.ch.Net, jdk.vm.ci.meta.Local
    }
    // every label must be a DNS label
    int labels = 1;
    int labelStart = from;
    for (int k = from; k <= end; k++) {
      if (k == end || s.charAt(k) == '.') {
        if (k == labelStart) {
          return false;
        }
        if (k < end) {
          labels++;
        }
        labelStart = k + 1;
      }
    }
    int firstDot = Chars.indexOf(s, '.', from, end);
    String first = Chars.lowerCase(s, from, firstDot);
    boolean privateUse = TopLevelDomains.PRIVATE.contains(tld);
    if (labels >= 3 && REVERSE_DNS.contains(first) && !privateUse) {
      return false; // com.example.app: a package or bundle id
    }
    if (COMMAND_NAMESPACES.contains(first) && (labels >= 3 || !privateUse) && commandMiddle(s, firstDot + 1, lastDot)) {
      return false; // workbench.action.files.save, vscode.open: a command id (but git.corp is a host)
    }
    if (to < wordEnd && s.charAt(to) == '/' && MODEL_HUBS.contains(Chars.lowerCase(s, from, end))) {
      return false; // hf.co/org/model: how Ollama names a model from Hugging Face
    }
    return true;
  }

  /** Whether every label of s[from, to) (the labels between the first and the last) is a command word or camelCase. */
  private static boolean commandMiddle(String s, int from, int to) {
    int start = from;
    for (int k = from; k <= to; k++) {
      if (k == to || s.charAt(k) == '.') {
        if (k > start && !COMMAND_WORDS.contains(Chars.lowerCase(s, start, k))) {
          boolean camel = false;
          for (int c = start + 1; c < k; c++) {
            camel |= Chars.isUpper(s.charAt(c)) && Chars.isLower(s.charAt(c - 1));
          }
          if (!camel) {
            return false;
          }
        }
        start = k + 1;
      }
    }
    return true;
  }

  private static boolean lowerLabels(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (!(Chars.isLower(c) || Chars.isDigit(c) || c == '.' || c == '_')) {
        return false;
      }
    }
    return Chars.indexOf(s, '.', from, to) >= 0;
  }

  /** DESKTOP-7H3K2LQ, LAPTOP-..., WIN-..., alices-macbook-pro, BOB-PC, ip-10-0-1-23. */
  private static boolean machineName(String s, int from, int to) {
    int n = to - from;
    if (n >= 9 && (s.startsWith("DESKTOP-", from) || s.startsWith("LAPTOP-", from) || s.startsWith("WIN-", from))) {
      int dash = Chars.indexOf(s, '-', from, to) + 1;
      int k = dash;
      while (k < to && (Chars.isUpper(s.charAt(k)) || Chars.isDigit(s.charAt(k)))) {
        k++;
      }
      return k == to && to - dash >= 5;
    }
    if (n >= 4 && s.regionMatches(true, to - 3, "-PC", 0, 3) && Chars.isLetter(s.charAt(from))) {
      return true;
    }
    if (deviceWord(s, from, to)) {
      return true;
    }
    if (numberedServer(s, from, to)) {
      return true;
    }
    if (Chars.startsWithIgnoreCase(s, from, "ip-")) {
      int k = from + 3;
      int parts = 0;
      while (k < to && parts < 4) {
        int d = Chars.skipDigits(s, k, to);
        if (d == k || d - k > 3) {
          return false;
        }
        parts++;
        k = d;
        if (parts < 4) {
          if (k >= to || s.charAt(k) != '-') {
            return false;
          }
          k++;
        }
      }
      return parts == 4;
    }
    return false;
  }

  /** Words that name a server's role: a name made of them and ending in a two or three digit number is a machine. */
  private static final Set<String> SERVER_WORDS = Chars.words(
      "srv", "server", "host", "db", "nas", "vm", "jenkins", "gitlab", "runner", "prod", "staging", "build", "k8s",
      "web", "mail", "proxy", "vpn", "printer", "router", "fileserver", "laptop", "desktop", "mysql", "postgres",
      "redis", "kafka", "ldap", "smtp", "backup", "sql", "dc", "exchange", "sharepoint", "bastion", "jump");

  /** db01, srv-web-02, prod-db-01, build-agent-07, jenkins-runner-12. */
  private static boolean numberedServer(String s, int from, int to) {
    int d = to;
    while (d > from && Chars.isDigit(s.charAt(d - 1))) {
      d--;
    }
    if (to - d < 2 || to - d > 3 || d == from) {
      return false;
    }
    for (int i = from; i < d; i++) {
      char c = s.charAt(i);
      if (!(Chars.isLetter(c) || c == '-' || c == '_')) {
        return false;
      }
    }
    int start = from;
    for (int i = from; i <= d; i++) {
      if (i == d || s.charAt(i) == '-' || s.charAt(i) == '_') {
        if (i > start && i - start <= 10 && SERVER_WORDS.contains(Chars.lowerCase(s, start, i))) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /** Device words in personal machine names, grouped by first letter so that one pass finds any. */
  private static final String[][] DEVICE_WORDS = new String[128][];

  static {
    for (String word : new String[] {"macbook", "-imac", "-mbp", "thinkpad", "s-mac-mini", "s-iphone", "s-ipad"}) {
      String[] old = DEVICE_WORDS[word.charAt(0)];
      String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
      grown[grown.length - 1] = word;
      DEVICE_WORDS[word.charAt(0)] = grown;
    }
  }

  /** Whether s[from, to) contains, in any case, a device word: alices-macbook-pro, bobs-iphone, x-thinkpad. */
  private static boolean deviceWord(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = Chars.lower(s.charAt(i));
      String[] words = c < 128 ? DEVICE_WORDS[c] : null;
      if (words != null) {
        for (String word : words) {
          if (i + word.length() <= to && s.regionMatches(true, i, word, 0, word.length())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** localhost:3000, jenkins:8080, db.internal:5432 (ports of three to five digits). */
  private static boolean hostWithPort(String s, int from, int to, int wordEnd) {
    if (to >= wordEnd || s.charAt(to) != ':' || to == from) {
      return false;
    }
    int d = Chars.skipDigits(s, to + 1, wordEnd);
    int digits = d - to - 1;
    if (digits < 2 || digits > 5 || (d < wordEnd && Chars.isAlnum(s.charAt(d)))) {
      return false;
    }
    if (Chars.startsWithIgnoreCase(s, from, "localhost") && to - from == 9) {
      return true;
    }
    if (digits < 3) {
      return false;
    }
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (!(Chars.isLower(c) || Chars.isDigit(c) || c == '-')) {
        return false;
      }
    }
    return Chars.isLower(s.charAt(from));
  }

  /** ARNs name a cloud account: arn:aws:iam::123456789012:user/alice. */
  static boolean cloudAccount(String s, int from, int to) {
    if (!Chars.startsWithIgnoreCase(s, from, "arn:")) {
      return false;
    }
    for (int i = from + 4; i < to; i++) {
      if (Chars.isDigit(s.charAt(i)) && (s.charAt(i - 1) == ':')) {
        int d = Chars.skipDigits(s, i, to);
        if (d - i == 12) {
          return true;
        }
      }
    }
    return false;
  }
}
