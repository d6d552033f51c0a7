package io.tracked.agent.sanitize;

import java.util.Set;

/**
 * File paths and file names, which carry user names and project layouts: Linux, macOS and Windows
 * absolute paths, UNC and WSL paths ({@code \\wsl$\...}), {@code ~} and environment-variable homes,
 * {@code file:} URIs, relative paths with a file name or a source folder, and bare file names with a
 * known extension. Routes ({@code /history}) and vendor model ids with slashes ({@code openai/gpt-4o},
 * {@code accounts/fireworks/models/x}) are not paths.
 */
final class FilePaths {

  private FilePaths() {}

  /** First segments of absolute paths that are file-system locations, never app routes. */
  private static final Set<String> ROOTS = Chars.words(
      "home", "users", "usr", "etc", "var", "tmp", "opt", "root", "mnt", "media", "private", "volumes", "srv",
      "proc", "sys", "dev", "bin", "sbin", "lib", "lib32", "lib64", "boot", "workspace", "workspaces", "data",
      "run", "snap", "nix", "applications", "library", "system", "cores", "net", "afs", "export", "scratch",
      "storage", "sdcard", "cygdrive", "gnu", "app", "code", "src", "project", "projects", "repo", "repos",
      "github", "builds", "build", "target", "runner", "share", "shared", "space", "content", "drive");

  /** Single-segment absolute paths that are file-system locations (others, like "/home", can be routes). */
  private static final Set<String> SINGLE_ROOTS = Chars.words(
      "tmp", "etc", "var", "usr", "opt", "bin", "sbin", "proc", "sys", "mnt", "srv", "root", "boot", "lib",
      "lib64", "volumes", "applications", "library", "private", "nix", "snap", "cygdrive", "workspaces", "cores");

  /** Folder names that make a relative path a source tree or a home directory. */
  private static final Set<String> FOLDERS = Chars.words(
      "src", "lib", "libs", "test", "tests", "spec", "specs", "node_modules", "build", "dist", "target", "out",
      "bin", "obj", "app", "apps", "packages", "pkg", "cmd", "internal", "docs", "doc", "scripts", "include",
      "vendor", "main", "java", "kotlin", "resources", "components", "pages", "public", "assets", "static",
      "users", "home", "documents", "desktop", "downloads", "projects", "repos", "source", "sources", "workspace",
      "workspaces", "git", "tmp", "var", "etc", "usr", "opt", "appdata", "library", "onedrive", "dropbox");

  /** File extensions: a name ending in one is a file name. */
  static final Set<String> EXTENSIONS = Chars.words(
      "java", "kt", "kts", "scala", "groovy", "gradle", "py", "pyi", "pyc", "ipynb", "js", "mjs", "cjs", "jsx",
      "ts", "tsx", "mts", "cts", "vue", "svelte", "astro", "go", "rs", "c", "h", "cc", "cpp", "cxx", "hpp", "hh",
      "hxx", "cs", "csx", "fs", "fsx", "vb", "swift", "m", "mm", "rb", "erb", "php", "pl", "pm", "lua", "r",
      "dart", "ex", "exs", "erl", "hrl", "hs", "elm", "clj", "cljs", "edn", "sql", "sh", "bash", "zsh", "fish",
      "ps1", "psm1", "bat", "cmd", "md", "mdx", "markdown", "rst", "adoc", "txt", "log", "json", "jsonc",
      "json5", "jsonl", "yaml", "yml", "toml", "xml", "html", "htm", "xhtml", "css", "scss", "sass", "less",
      "ini", "cfg", "conf", "properties", "lock", "csv", "tsv", "pdf", "doc", "docx", "xls", "xlsx", "ppt",
      "pptx", "odt", "ods", "rtf", "pages", "numbers", "key", "png", "jpg", "jpeg", "gif", "svg", "webp", "ico",
      "bmp", "tif", "tiff", "heic", "mp3", "mp4", "mov", "wav", "m4a", "zip", "tar", "gz", "tgz", "bz2", "xz",
      "7z", "rar", "jar", "war", "ear", "class", "dll", "exe", "so", "dylib", "iso", "dmg", "apk", "ipa", "pem",
      "crt", "cer", "der", "p12", "pfx", "jks", "keystore", "pub", "ppk", "gpg", "asc", "kdbx", "db", "sqlite",
      "sqlite3", "mdb", "proto", "tf", "tfvars", "tfstate", "hcl", "dockerfile", "makefile", "cmake", "bak",
      "tmp", "swp", "pid", "plist", "wasm", "env", "npmrc", "pypirc", "netrc", "pgpass", "htpasswd", "kubeconfig",
      "ovpn", "rdp", "eml", "msg", "vcf", "ics", "sln", "csproj", "vcxproj", "xcodeproj", "pbxproj", "nb", "rmd",
      "qmd", "tex", "bib");

  /** Extensions of web pages: a route under no file-system root may end in one (/docs/getting-started.html). */
  private static final Set<String> WEB_PAGES = Chars.words(
      "html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "jspx", "cfm", "cgi");

  /** Language extensions that vendors also use as the last part of an extension id: golang.go, redhat.java. */
  private static final Set<String> EXTENSION_ID_SUFFIXES = Chars.words(
      "go", "java", "dart", "scala", "r", "hcl", "swift", "lua", "elm", "vue", "svelte", "astro", "proto", "cpp",
      "c", "cs", "rs", "php", "pl", "rb", "sh", "tex");

  /** Names before an extension that make a product or an extension, not a file: llama.cpp, Node.js, d.ts. */
  private static final Set<String> NOT_FILES = Chars.words(
      "d", "spec", "test", "min", "tar", "node", "next", "vue", "nuxt", "three", "express", "chart", "d3", "ember",
      "backbone", "alpine", "solid", "react", "angular", "socket", "p5", "moment", "llama", "whisper", "bark",
      "stable-diffusion", "gpt4all", "deno", "bun", "nest", "meteor", "knockout", "preact", "ollama", "transformers",
      "tensorflow", "onnxruntime-web", "brain", "ml5", "web-llm", "webllm");

  /** Sensitive file names without an extension. */
  private static final Set<String> SENSITIVE_NAMES = Chars.words(
      "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_rsa.pub", "known_hosts", "authorized_keys", ".npmrc",
      ".pypirc", ".netrc", ".pgpass", ".git-credentials", ".bash_history", ".zsh_history", ".htpasswd",
      ".dockercfg", "credentials", ".ssh", ".aws", ".kube", ".gnupg");

  /** {@code true} when the word s[from, to) is, or contains, a file path, a file URI or a file name. */
  static boolean path(String s, int from, int to) {
    if (to <= from) {
      return false;
    }
    char first = s.charAt(from);
    if (Chars.startsWithIgnoreCase(s, from, "file:")) {
      return true;
    }
    int slash = -1;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        return true; // Windows, UNC (\\server\share), WSL (\\wsl$\Ubuntu), or an escaped path
      }
      if (c == '/' && slash < 0) {
        slash = i;
      }
      if (c == ':' && i > from && i + 1 < to && s.charAt(i + 1) == '/' && Chars.isLetter(s.charAt(i - 1))
          && (i - 1 == from || !Chars.isAlnum(s.charAt(i - 2)))) {
        return true; // C:/Users/...
      }
    }
    if (first == '~' && (to - from == 1 || s.charAt(from + 1) == '/' || Chars.isLetter(s.charAt(from + 1)))) {
      return true; // ~, ~/notes.txt, ~alice
    }
    if (first == '%' && Chars.indexOf(s, '%', from + 2, to) > from + 1) {
      return true; // %USERPROFILE%, %APPDATA%
    }
    if (slash < 0) {
      return fileName(s, from, to);
    }
    if (first == '/') {
      return !route(s, from, to);
    }
    return relative(s, from, to) && !ModelIds.vocabularyPath(s, from, to);
  }

  /**
   * {@code true} when the absolute s[from, to) reads as an app route: lower-case first segment that
   * is not a file-system root, at most six plain segments, no hidden segment, no file name at the end.
   */
  static boolean route(String s, int from, int to) {
    int end = to;
    if (end - from > 1 && s.charAt(end - 1) == '/') {
      end--;
    }
    if (end - from == 1) {
      return true;
    }
    int segments = 0;
    int start = from + 1;
    for (int i = from + 1; i <= end; i++) {
      if (i < end && s.charAt(i) != '/') {
        char c = s.charAt(i);
        if (!(Chars.isAlnum(c) || c == '-' || c == '_' || c == ':' || c == '.')) {
          return false;
        }
        continue;
      }
      if (i == start) {
        return false; // "//"
      }
      segments++;
      if (segments > 6) {
        return false;
      }
      char c0 = s.charAt(start);
      if (c0 == '.') {
        return false;
      }
      if (segments == 1) {
        if (Chars.isUpper(c0)) {
          return false; // /Users, /Volumes, /Projects
        }
        String lower = i - start <= 16 ? Chars.lowerCase(s, start, i) : "";
        boolean single = i == end;
        if (single ? SINGLE_ROOTS.contains(lower) : ROOTS.contains(lower) || i - start == 1) {
          return false; // /etc/passwd, /home/alice, /c/Users (MSYS)
        }
      }
      if (i == end && hasExtension(s, start, i)
          && !WEB_PAGES.contains(Chars.lowerCase(s, Chars.lastIndexOf(s, '.', start, i) + 1, i))) {
        return false; // a file name ends a route only as a web page: /docs/index.html, /faq.php
      }
      start = i + 1;
    }
    return true;
  }

  private static boolean relative(String s, int from, int to) {
    int segments = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i < to && s.charAt(i) != '/') {
        continue;
      }
      if (i == start) {
        if (i < to || segments == 0) {
          return true; // a//b
        }
        break; // trailing slash
      }
      segments++;
      char c0 = s.charAt(start);
      if (c0 == '.' || c0 == '$' || c0 == '%') {
        return true; // ./x, ../x, .git/config, $HOME/x, %APPDATA%/x
      }
      boolean last = i >= to || (i + 1 == to);
      if (!last && i - start <= 16 && FOLDERS.contains(Chars.lowerCase(s, start, i))) {
        return true;
      }
      if (i >= to && hasExtension(s, start, i) && !extensionIdOrProduct(s, start, i)) {
        return true;
      }
      start = i + 1;
    }
    return segments >= 6;
  }

  /** A bare file name: Invoice.java, README.md, id_rsa (but not llama.cpp, Node.js, golang.go, d.ts). */
  private static boolean fileName(String s, int from, int to) {
    if (to - from <= 32 && SENSITIVE_NAMES.contains(s.substring(from, to))) {
      return true;
    }
    return hasExtension(s, from, to) && !extensionIdOrProduct(s, from, to) && !javaClassName(s, from, to);
  }

  /** java.lang.Class, java.util.Properties, sun.rmi.runtime.Log: lower-case packages and a capitalized class. */
  private static boolean javaClassName(String s, int from, int to) {
    int dot = Chars.lastIndexOf(s, '.', from, to);
    if (!Chars.isUpper(s.charAt(dot + 1)) || Chars.lastIndexOf(s, '.', from, dot) < from) {
      return false;
    }
    for (int i = from; i < dot; i++) {
      char c = s.charAt(i);
      if (!(Chars.isLower(c) || Chars.isDigit(c) || c == '.' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** Whether s[from, to) is name.ext with a known extension and a non-empty name. */
  static boolean hasExtension(String s, int from, int to) {
    int dot = Chars.lastIndexOf(s, '.', from, to);
    if (dot <= from || dot < from || to - dot - 1 < 1 || to - dot - 1 > 12) {
      return false;
    }
    for (int i = dot + 1; i < to; i++) {
      if (!Chars.isAlnum(s.charAt(i))) {
        return false;
      }
    }
    return EXTENSIONS.contains(Chars.lowerCase(s, dot + 1, to));
  }

  private static boolean extensionIdOrProduct(String s, int from, int to) {
    int dot = Chars.lastIndexOf(s, '.', from, to);
    String name = Chars.lowerCase(s, from, dot);
    if (NOT_FILES.contains(name)) {
      return true;
    }
    String extension = Chars.lowerCase(s, dot + 1, to);
    if (EXTENSION_ID_SUFFIXES.contains(extension)) {
      // publisher.language (golang.go, redhat.java, dart-code.dart): lower-case letters and dashes only
      for (int i = from; i < dot; i++) {
        char c = s.charAt(i);
        if (!(Chars.isLower(c) || c == '-')) {
          return false;
        }
      }
      return dot - from >= 4;
    }
    return false;
  }
}
