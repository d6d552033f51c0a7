package io.tracked.sample;

/** What a model produced for one request, with the usage a real provider would report. */
record Generation(String output, int promptTokens, int generatedTokens, long latencyMs) {}
