package io.tracked.agent.event;

import java.util.Map;

/**
 * A sanitized event, ready to leave: nothing in it has escaped the sanitizer. It is built once, on the
 * agent's thread, with the time of the call it records and its own {@code uuid}; the same uuid and
 * time go to the outbox, the spool and PostHog, so a retried or replayed event is the same event.
 */
public record Event(String uuid, String name, String distinctId, Map<String, Object> properties, long epochMillis) {}
