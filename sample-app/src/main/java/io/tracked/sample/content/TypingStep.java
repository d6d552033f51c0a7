package io.tracked.sample.content;

/**
 * One step of the scripted user's typing: the text typed before asking for a suggestion, and what
 * the user types by hand instead when the suggestion is rejected (or none comes).
 */
public record TypingStep(String typed, String ifRejected) {}
