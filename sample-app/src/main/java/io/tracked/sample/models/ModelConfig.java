package io.tracked.sample.models;

import io.tracked.sample.content.SampleContent;

/**
 * A model the user has configured: what it is called, who serves it, where it is reached (Continue's
 * {@code apiBase}: here the company's gateway, which takes a token in the URL) and the key the provider
 * needs. Local models (Ollama) need no key.
 */
public record ModelConfig(String name, String provider, String apiKey, String apiBase) {

  /** Autocomplete runs on a small local model, as it usually does, for speed. */
  public static final ModelConfig LLAMA = new ModelConfig("llama3.1:8b", "ollama", "", SampleContent.LOCAL_MODELS_URL);

  public static final ModelConfig CLAUDE = new ModelConfig(
      "claude-3-5-sonnet-20241022", "anthropic", SampleContent.ANTHROPIC_API_KEY, SampleContent.GATEWAY_URL);

  public static final ModelConfig GPT_MINI = new ModelConfig("gpt-4o-mini", "openai", SampleContent.OPENAI_API_KEY,
      SampleContent.GATEWAY_URL);

  public boolean needsApiKey() {
    return !"ollama".equals(provider);
  }

  /** Never prints the key: configurations end up in logs and screens. */
  @Override
  public String toString() {
    return name + " (" + provider + ")";
  }
}
