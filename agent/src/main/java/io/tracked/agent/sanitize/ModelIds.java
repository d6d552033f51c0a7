package io.tracked.agent.sanitize;

import java.util.Set;

/**
 * Model identifiers that look like paths or patterns: deep vendor paths
 * ({@code meta/llama-3.1/8b/instruct}) and pricing wildcards ({@code gpt-4o-*}, {@code anthropic/*}). Such a
 * value is kept when every segment is made of vocabulary words (product, vendor and model words) and
 * version or size tokens; one word from outside (a user, project or folder name) makes it a path or text.
 */
final class ModelIds {

  private ModelIds() {}

  /** Model, task and vendor-organisation words beyond {@link AnalyticsShapes#VOCABULARY}. */
  private static final Set<String> MODEL_WORDS = Chars.words(
      "it", "base", "sdxl", "sd", "stable", "diffusion", "to", "image", "video", "speech", "embed", "awq",
      "gguf", "gptq", "ggml", "hf", "dense", "moe", "mistralai", "stabilityai", "microsoft", "ibm", "black",
      "forest", "labs", "tiiuae", "bigcode", "thebloke", "bartowski", "nousresearch", "hermes", "wizardlm",
      "wizardcoder", "openchat", "zephyr", "vicuna", "dolphin", "yi", "solar", "upstage", "ai21", "databricks",
      "dbrx", "snowflake", "allenai", "tulu", "sentence", "transformers", "bge", "baai", "e5", "intfloat",
      "minilm", "all", "mpnet", "rerank", "reranker", "multilingual", "english", "en", "v", "versions",
      "online", "sonnet", "turbo", "preview", "latest", "instruct", "chat", "vision", "coder", "code", "text",
      "llama", "meta", "nemotron", "codestral", "granite", "pro", "flash", "mini", "nano", "haiku", "opus");

  /**
   * {@code true} when s[from, to) is one or more '/'-separated segments, each made of vocabulary words,
   * version or size tokens and '*' wildcards joined by '-', '.', '_' or ':', with at least one word.
   */
  static boolean vocabularyPath(String s, int from, int to) {
    if (to - from > 120) {
      return false;
    }
    boolean word = false;
    int start = from;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : '/';
      if (Chars.isAlnum(c)) {
        continue;
      }
      if (c != '/' && c != '-' && c != '.' && c != '_' && c != ':' && c != '*' && c != '@') {
        return false;
      }
      if (i > start) {
        int kind = part(s, start, i);
        if (kind == 0) {
          return false;
        }
        word |= kind == 1;
      }
      start = i + 1;
    }
    return word;
  }

  private static boolean vocabulary(String lower) {
    return AnalyticsShapes.VOCABULARY.contains(lower) || MODEL_WORDS.contains(lower);
  }

  /** 1: a vocabulary word; 2: a version or size (3.1, 405b, v0.3, 8x7b, fp16, q4); 0: neither. */
  private static int part(String s, int from, int to) {
    String lower = Chars.lowerCase(s, from, to);
    if (vocabulary(lower)) {
      return 1;
    }
    int digitsFrom = lower.length();
    while (digitsFrom > 0 && Chars.isDigit(lower.charAt(digitsFrom - 1))) {
      digitsFrom--;
    }
    if (digitsFrom >= 2 && digitsFrom < lower.length() && vocabulary(lower.substring(0, digitsFrom))) {
      return 1; // qwen2, llama3, gemma2, starcoder2: a family word and its generation
    }
    int letters = 0;
    int digits = 0;
    for (int i = from; i < to; i++) {
      if (Chars.isDigit(s.charAt(i))) {
        digits++;
      } else {
        letters++;
      }
    }
    return digits > 0 && letters <= 3 && to - from <= 8 ? 2 : 0;
  }
}
