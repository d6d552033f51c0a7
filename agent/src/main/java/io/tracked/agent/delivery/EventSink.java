package io.tracked.agent.delivery;

import io.tracked.agent.event.Event;

/** Where sanitized events go: PostHog, or the local outbox when no API key is set. */
public interface EventSink {

  /** Accepts one event; never blocks on the network and never throws. */
  void send(Event event);

  /** Drops every event accepted but not yet delivered: consent was withdrawn. */
  void discardPending();

  /** Delivers what it still can within the time given, then releases its resources. */
  void close(long timeoutMillis);

  /** One line for the start-up message, e.g. where events go. */
  String describe();
}
