package io.tracked.agent.sanitize;

import java.util.Set;

/**
 * The keep side: shapes that product analytics needs and that cannot hold anything personal by
 * construction — canonical UUIDs, ISO-8601 and common written timestamps, numbers with grouping or a
 * percent sign, and product names with spaces ({@code Visual Studio Code}, {@code Windows 11 Pro},
 * {@code Ubuntu 22.04.4 LTS}, {@code Claude 3.5 Sonnet}) made only of words from a closed vocabulary of
 * OS, IDE, JDK, vendor and model words plus version numbers. Single-word identifiers (model ids,
 * command ids, routes, locales, versions) need no list: they are kept unless a detector objects.
 */
final class AnalyticsShapes {

  private AnalyticsShapes() {}

  /** 8-4-4-4-12 hex digits, either case; also in braces, as Windows writes GUIDs. */
  static boolean uuid(String s) {
    if (s.length() == 38 && s.charAt(0) == '{' && s.charAt(37) == '}') {
      return uuid(s.substring(1, 37));
    }
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
      } else if (!Chars.isHex(c)) {
        return false;
      }
    }
    return true;
  }

  /**
   * ISO 8601 as written by machines: 2024-06-01, 2024-06-01T12:34:56Z, 2024-06-01T12:34:56.789+02:00,
   * 20240601T123456Z, 12:34:56.789. Digits, separators and a zone only: no room for anything personal.
   */
  static boolean isoTimestamp(String s) {
    int n = s.length();
    if (n < 5 || n > 40) {
      return false;
    }
    int i = 0;
    if (n >= 10 && digits(s, 0, 4) && s.charAt(4) == '-' && digits(s, 5, 2) && s.charAt(7) == '-' && digits(s, 8, 2)) {
      i = 10;
      if (i == n) {
        return true;
      }
      if (s.charAt(i) != 'T' && s.charAt(i) != 't') {
        return false;
      }
      i++;
    } else if (n >= 9 && digits(s, 0, 8) && (s.charAt(8) == 'T')) {
      i = 9; // basic format
      int d = Chars.skipDigits(s, i, n);
      if (d - i != 6 && d - i != 4) {
        return false;
      }
      return zone(s, d, n) || (d < n && s.charAt(d) == '.' && zone(s, Chars.skipDigits(s, d + 1, n), n));
    }
    // time of day
    if (!(i + 5 <= n && digits(s, i, 2) && s.charAt(i + 2) == ':' && digits(s, i + 3, 2))) {
      return false;
    }
    i += 5;
    if (i + 3 <= n && s.charAt(i) == ':' && digits(s, i + 1, 2)) {
      i += 3;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        int d = Chars.skipDigits(s, i + 1, n);
        if (d == i + 1 || d - i - 1 > 9) {
          return false;
        }
        i = d;
      }
    }
    return zone(s, i, n);
  }

  private static boolean zone(String s, int i, int n) {
    if (i == n) {
      return true;
    }
    char c = s.charAt(i);
    if ((c == 'Z' || c == 'z') && i + 1 == n) {
      return true;
    }
    if (c == '+' || c == '-') {
      int d = Chars.skipDigits(s, i + 1, n);
      if (d == n && (d - i - 1 == 2 || d - i - 1 == 4)) {
        return true;
      }
      return d - i - 1 == 2 && d + 3 == n && s.charAt(d) == ':' && digits(s, d + 1, 2);
    }
    return false;
  }

  private static boolean digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!Chars.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** 1,024 / -3.5% / 1,234,567.89 / 42%: numbers written with grouping commas or a percent sign. */
  static boolean groupedNumber(String s) {
    int n = s.length();
    int i = 0;
    if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      i++;
    }
    int start = i;
    int d = Chars.skipDigits(s, i, n);
    if (d == i || d - i > 3 && d < n && s.charAt(d) == ',') {
      return false;
    }
    i = d;
    boolean grouped = false;
    while (i < n && s.charAt(i) == ',') {
      d = Chars.skipDigits(s, i + 1, n);
      if (d - i - 1 != 3) {
        return false;
      }
      grouped = true;
      i = d;
    }
    if (i < n && s.charAt(i) == '.') {
      d = Chars.skipDigits(s, i + 1, n);
      if (d == i + 1) {
        return false;
      }
      i = d;
    }
    boolean percent = i < n && s.charAt(i) == '%';
    if (percent) {
      i++;
    }
    return i == n && (grouped || percent) && i > start;
  }

  /** Words of OS, IDE, JDK, vendor and model names: a phrase made only of these (and versions) is kept. */
  static final Set<String> VOCABULARY = Chars.words(
      // editors and IDEs
      "visual", "studio", "code", "vs", "vscode", "vscodium", "oss", "insiders", "intellij", "idea", "community",
      "ultimate", "edition", "educational", "android", "jetbrains", "rider", "pycharm", "webstorm", "goland",
      "clion", "phpstorm", "rubymine", "datagrip", "dataspell", "rustrover", "aqua", "fleet", "writerside",
      "gateway", "client", "eclipse", "ide", "theia", "neovim", "vim", "nvim", "emacs", "sublime", "text", "xcode",
      "cursor", "windsurf", "zed", "atom", "nova", "helix", "kate", "codespaces", "gitpod", "cloud", "shell",
      "github", "copilot", "continue", "tracked", "sample", "editor", "jupyter", "lab", "notebook", "colab",
      "replit", "web", "desktop", "remote", "ssh", "container", "containers", "dev", "tunnel", "server",
      // operating systems
      "windows", "microsoft", "mac", "macos", "os", "x", "osx", "darwin", "linux", "gnu", "ubuntu", "debian",
      "fedora", "red", "hat", "enterprise", "rhel", "centos", "stream", "rocky", "alma", "almalinux", "arch",
      "manjaro", "mint", "pop", "elementary", "opensuse", "suse", "leap", "tumbleweed", "gentoo", "alpine",
      "nixos", "kali", "raspbian", "raspberry", "pi", "chrome", "chromeos", "freebsd", "openbsd", "netbsd",
      "solaris", "aix", "wsl", "wsl2", "subsystem", "for", "workstation", "home", "pro", "professional",
      "education", "lts", "sonoma", "ventura", "monterey", "big", "sur", "catalina", "mojave", "sequoia", "tahoe",
      "high", "sierra", "el", "capitan", "bookworm", "bullseye", "buster", "trixie", "jammy", "noble", "focal",
      "bionic", "jellyfish", "numbat", "fossa", "beaver", "oracular", "kinetic", "lunar", "mantic", "core",
      "silverblue", "kde", "gnome", "plasma", "iot", "ltsc", "n", "kn", "s", "se", "pop!_os", "chromium",
      "android", "ios", "ipados", "harmonyos", "fuchsia", "azure", "wsl1", "arm", "intel", "apple", "silicon",
      // Android Studio and IntelliJ release names
      "arctic", "fox", "bumblebee", "chipmunk", "dolphin", "electric", "eel", "flamingo", "giraffe", "hedgehog",
      "iguana", "jellyfish", "koala", "ladybug", "meerkat", "narwhal", "otter", "feature", "drop",
      // release channels
      "preview", "beta", "alpha", "nightly", "stable", "canary", "release", "candidate", "rc", "build", "update",
      "sp", "service", "pack", "early", "access", "eap", "latest", "experimental", "exp", "snapshot",
      // JDKs
      "openjdk", "jdk", "jre", "java", "hotspot", "64-bit", "32-bit", "vm", "graalvm", "temurin", "adoptium",
      "oracle", "corporation", "zulu", "azul", "systems", "corretto", "amazon", "liberica", "bellsoft", "semeru",
      "ibm", "mixed", "sharing", "compiled", "runtime", "environment", "of",
      // vendors, providers and model families
      "openai", "azure", "google", "vertex", "ai", "aws", "bedrock", "hugging", "face", "huggingface", "lm",
      "lmstudio", "ollama", "together", "mistral", "anthropic", "cohere", "groq", "fireworks", "deepseek", "xai",
      "meta", "llama", "gemini", "gemma", "claude", "gpt", "chatgpt", "sonnet", "opus", "haiku", "flash", "lite",
      "ultra", "nano", "mini", "large", "medium", "small", "tiny", "turbo", "instruct", "chat", "coder", "codestral",
      "vision", "embed", "embedding", "embeddings", "reasoner", "reasoning", "thinking", "free", "trial", "proxy",
      "nvidia", "nim", "watsonx", "granite", "cloudflare", "workers", "perplexity", "sonar", "replicate",
      "cerebras", "sambanova", "openrouter", "nebius", "novita", "voyage", "jina", "moonshot", "kimi", "qwen",
      "alibaba", "baidu", "ernie", "zhipu", "glm", "yi", "phi", "grok", "llamafile", "vllm", "tgi", "inference",
      "api", "model", "models", "local", "hosted", "self-hosted", "default", "codellama", "starcoder", "mixtral",
      "command", "r", "plus", "nomic", "mxbai", "arctic", "snowflake", "olmo", "falcon", "jamba", "aya", "sonar",
      "auto", "o1", "o3", "o4", "4o", "realtime", "audio", "search", "omni", "maverick", "scout", "nemotron",
      "devstral", "magistral", "pixtral", "ministral", "chat-latest",
      // runtimes, shells and build tools, named with their version ("Node.js v20.11.1", "bash 5.2.15")
      "node", "node.js", "nodejs", "python", "python3", "cpython", "pypy", "bash", "zsh", "fish", "pwsh",
      "powershell", "deno", "bun", "go", "golang", "rustc", "rust", "cargo", "ruby", "php", "perl", "dotnet",
      ".net", "kotlin", "scala", "swift", "javac", "gradle", "maven", "npm", "yarn", "pnpm", "pip", "conda", "lua",
      "julia", "elixir", "erlang", "zig", "clang", "gcc", "msvc", "cmake", "git", "docker", "podman", "ce", "ee",
      // editions, install kinds and patch levels
      "patch", "user", "setup", "system", "universal", "insider", "hotfix", "fix", "revision", "rev");

  /** Runtimes and shells whose lower-case name and version make a product string: "bash 5.2.15", "node v20.11.1". */
  private static final Set<String> RUNTIMES = Chars.words(
      "node", "nodejs", "python", "python3", "pypy", "bash", "zsh", "fish", "pwsh", "powershell", "deno", "bun",
      "go", "rustc", "cargo", "ruby", "php", "perl", "dotnet", "kotlin", "scala", "swift", "java", "javac",
      "gradle", "maven", "npm", "yarn", "pnpm", "pip", "conda", "lua", "julia", "elixir", "erlang", "zig",
      "clang", "gcc", "cmake", "git", "docker", "podman", "nvim", "vim", "emacs");

  /**
   * {@code true} for a one-line phrase of at most eight words, each from {@link #VOCABULARY} or a
   * version number, with at least one vocabulary word: "Visual Studio Code", "Windows 11 Pro",
   * "IntelliJ IDEA 2024.1.4", "OpenJDK 64-Bit Server VM", "Debian GNU/Linux 12 (bookworm)".
   */
  static boolean productPhrase(String s) {
    int n = s.length();
    if (n > 80 || n < 3 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
      return false;
    }
    int words = 0;
    boolean named = false;
    boolean capitalized = false;
    int i = 0;
    while (i < n) {
      int start = i;
      while (i < n && s.charAt(i) != ' ') {
        capitalized |= Chars.isUpper(s.charAt(i));
        i++;
      }
      if (i == start) {
        return false; // two spaces
      }
      words++;
      if (words > 8) {
        return false;
      }
      int a = start;
      int b = i;
      if (s.charAt(a) == '(' && s.charAt(b - 1) == ')' && b - a > 2) {
        a++;
        b--;
      } else if (s.charAt(a) == '(' && words > 1) {
        a++;
      } else if (s.charAt(b - 1) == ')' && b - a > 1) {
        b--;
      }
      int kind = productWord(s, a, b);
      if (kind == 0) {
        return false;
      }
      named |= kind == 1;
      i++;
    }
    // "Visual Studio Code", "macOS Sonoma", "bash 5.2.15"; not "gpt 4o" typed as a sentence
    return named && (capitalized || runtimeVersion(s));
  }

  /** "bash 5.2.15", "node v20.11.1": a runtime's name and a dotted version, nothing else. */
  private static boolean runtimeVersion(String s) {
    int space = s.indexOf(' ');
    return space > 0 && s.indexOf(' ', space + 1) < 0 && s.indexOf('.', space) > space
        && RUNTIMES.contains(Chars.lowerCase(s, 0, space));
  }

  /** 1: a vocabulary word (parts joined by '/' allowed: GNU/Linux); 2: a version or dash; 0: neither. */
  private static int productWord(String s, int from, int to) {
    if (to - from == 1 && (s.charAt(from) == '-' || s.charAt(from) == '\u2013' || s.charAt(from) == '|')) {
      return 2;
    }
    if (to - from > 24) {
      return 0;
    }
    boolean digit = false;
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (!(Chars.isAlnum(c) || c == '.' || c == '-' || c == '_' || c == '+' || c == '/' || c == '!'
          || (c == '#' && k == from))) {
        return 0;
      }
      digit |= Chars.isDigit(c);
    }
    String lower = Chars.lowerCase(s, from, to);
    if (VOCABULARY.contains(lower)) {
      return 1;
    }
    int dash = lower.indexOf('-');
    if (dash > 0 && digit && VOCABULARY.contains(lower.substring(0, dash))
        && productWord(s, from + dash + 1, to) == 2) {
      return 1; // Temurin-21.0.3+9, go1.22.0 is below
    }
    int slash = lower.indexOf('/');
    if (slash > 0 && VOCABULARY.contains(lower.substring(0, slash))
        && VOCABULARY.contains(lower.substring(slash + 1))) {
      return 1;
    }
    if (digit && slash < 0) {
      // versions and sizes: 11, 22.04.4, 2024.1.4, 3.5, 8B, 70B, x64, arm64, v2, IU-241.18034.62
      int letters = 0;
      for (int k = from; k < to; k++) {
        letters += Chars.isLetter(s.charAt(k)) ? 1 : 0;
      }
      return letters <= 4 || lower.startsWith("gpt-") || lower.startsWith("claude-") ? 2 : 0;
    }
    return 0;
  }

  private static final Set<String> DATE_WORDS = Chars.words(
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
      "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday", "am", "pm", "utc", "gmt", "z", "est", "edt", "cst", "cdt",
      "mst", "mdt", "pst", "pdt", "cet", "cest", "eet", "eest", "bst", "ist", "jst", "kst", "aest", "aedt", "t",
      "at");

  /**
   * {@code true} for a written date-time with spaces: "2024-06-01 12:34:56", "Sat, 01 Jun 2024 12:34:56 GMT",
   * "June 1, 2024 3:45 PM", "01/06/2024 12:30": digits, date separators, month and day names, zones.
   */
  static boolean timestampPhrase(String s) {
    int n = s.length();
    if (n > 64 || n < 8) {
      return false;
    }
    boolean structure = false;
    int words = 0;
    int i = 0;
    while (i < n) {
      while (i < n && s.charAt(i) == ' ') {
        i++;
      }
      int start = i;
      while (i < n && s.charAt(i) != ' ') {
        i++;
      }
      int end = i;
      if (end > start && s.charAt(end - 1) == ',') {
        end--;
      }
      if (end == start) {
        continue;
      }
      words++;
      boolean digit = false;
      boolean letter = false;
      boolean separator = false;
      for (int k = start; k < end; k++) {
        char c = s.charAt(k);
        if (Chars.isDigit(c)) {
          digit = true;
        } else if (Chars.isLetter(c)) {
          letter = true;
        } else if (c == ':' || c == '-' || c == '/' || c == '.' || c == '+') {
          separator = true;
        } else {
          return false;
        }
      }
      if (letter && digit) {
        // 12:30pm, 1st, 2nd, 3rd, 4th, 2024-06-01T12:34
        String lower = Chars.lowerCase(s, start, end);
        if (!(lower.endsWith("am") || lower.endsWith("pm") || lower.endsWith("st") || lower.endsWith("nd")
            || lower.endsWith("rd") || lower.endsWith("th") || isoTimestamp(s.substring(start, end)))) {
          return false;
        }
        structure = true;
      } else if (letter) {
        String lower = Chars.lowerCase(s, start, end);
        if (!DATE_WORDS.contains(lower)) {
          return false;
        }
        structure |= lower.length() >= 3 && !lower.equals("utc") && !lower.equals("gmt");
      } else if (separator) {
        structure = true;
      } else if (end - start > 4) {
        return false;
      }
    }
    return structure && words >= 2;
  }
}
