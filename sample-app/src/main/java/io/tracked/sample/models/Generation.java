package io.tracked.sample.models;

/** What a model produced for one request, with the usage a real provider would report. */
public record Generation(String output, int promptTokens, int generatedTokens, long latencyMs) {}
