package io.tracked.agent.delivery;

import io.tracked.agent.event.SerializedEvent;
import java.util.List;

/**
 * Where events meant for PostHog wait when they could not be delivered: the spool, kept per
 * destination and replayed later by this run or the next start. Implementations never throw and
 * report their own drops.
 */
interface UndeliveredStore {

  /** Keeps the events, oldest first; returns how many were kept (the store reports the others). */
  int keep(List<SerializedEvent> events);

  /** Up to {@code max} kept events, oldest first, reserved until the replay is ended. */
  Replay replay(int max);

  /** Deletes every kept event (consent turned off); returns how many there were. */
  long deleteAll();

  /** Ends outstanding replays (their events stay kept) and releases what the store holds open. */
  void close();

  /** Where kept events go, for messages. */
  String describe();

  /** Kept events taken out for one delivery attempt. */
  interface Replay {
    List<SerializedEvent> events();

    /** PostHog acknowledged them (or refused them for good): they are removed. */
    void delivered();

    /** They were not delivered: they stay kept, for a later attempt. */
    void notDelivered();
  }
}
