package io.tracked.agent.event;

import java.util.Map;

/** A sanitized event, ready to leave: nothing in it has escaped the sanitizer. */
public record Event(String name, String distinctId, Map<String, Object> properties, long epochMillis) {}
