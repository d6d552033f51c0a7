package io.tracked.sample.autocomplete;

import io.tracked.sample.models.ModelConfig;

/**
 * A completion offered at the cursor of one document. It remembers the text it was computed from,
 * so that accepting it after the user has typed on is refused instead of inserting at the wrong place.
 */
public record Suggestion(
    String filepath, String fileExtension, String prefix, String completion, ModelConfig model, long latencyMs) {}
