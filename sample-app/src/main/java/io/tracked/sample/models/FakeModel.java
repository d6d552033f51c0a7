package io.tracked.sample.models;

import java.util.function.UnaryOperator;

/**
 * Stands in for a language model: local, instant and deterministic, so the sample runs offline and
 * always does the same thing. The caller supplies how the output is written (each feature has its
 * own rules); this class does what every model client does around that: count tokens, estimate
 * latency and report the finished generation.
 */
public final class FakeModel {

  private final ModelConfig config;
  private final GenerationHistory history;

  public FakeModel(ModelConfig config, GenerationHistory history) {
    this.config = config;
    this.history = history;
  }

  public ModelConfig config() {
    return config;
  }

  public Generation generate(String prompt, UnaryOperator<String> writer) {
    String output = writer.apply(prompt);
    int promptTokens = Tokens.count(prompt);
    int generatedTokens = Tokens.count(output);
    // What a model of this size would take: reading the prompt is cheap, each new token is not.
    long latencyMs = (config.needsApiKey() ? 180 : 35) + promptTokens / 50 + 9L * generatedTokens;
    history.generationFinished(
        config.name(), config.provider(), promptTokens, generatedTokens, output);
    return new Generation(output, promptTokens, generatedTokens, latencyMs);
  }
}
