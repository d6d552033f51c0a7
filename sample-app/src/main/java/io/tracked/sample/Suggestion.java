package io.tracked.sample;

/**
 * A completion offered at the cursor of one document. It remembers the text it was computed from,
 * so that accepting it after the user has typed on is refused instead of inserting at the wrong place.
 */
record Suggestion(
    String filepath, String fileExtension, String prefix, String completion, ModelConfig model, long latencyMs) {}
