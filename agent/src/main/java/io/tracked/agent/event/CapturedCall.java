package io.tracked.agent.event;

/**
 * A finished call of a tracked method, as the caller's thread hands it over: references only, no
 * judgement yet. {@code exceptionType} is the thrown class's name, taken on the caller's thread so
 * the throwable itself (and its message) is never kept.
 */
public record CapturedCall(
    EventBinding binding, Object[] arguments, Object returned, String exceptionType, long epochMillis) {}
