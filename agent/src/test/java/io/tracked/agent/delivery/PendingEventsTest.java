package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.SerializedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Memory stays bounded by handing back the oldest, and the exit path sees every unacknowledged event. */
class PendingEventsTest {

  @Test
  void overflowHandsBackTheOldestOnly() {
    PendingEvents pending = new PendingEvents(3);
    List<SerializedEvent> events = Events.serialized(5);
    List<SerializedEvent> evicted = new java.util.ArrayList<>();
    for (SerializedEvent event : events) {
      SerializedEvent out = pending.add(event);
      if (out != null) {
        evicted.add(out);
      }
    }

    assertEquals(Events.uuids(events.subList(0, 2)), Events.uuids(evicted), "the two oldest, for the spool");
    assertEquals(Events.uuids(events.subList(2, 5)), Events.uuids(pending.takeAll()));
  }

  @Test
  void theBatchInFlightIsGivenUpToTheExitPathUnlessAnswered() {
    PendingEvents pending = new PendingEvents(10);
    List<SerializedEvent> events = Events.serialized(4);
    events.forEach(pending::add);

    InFlight batch = pending.startBatch(3);
    List<SerializedEvent> all = pending.takeAll();

    assertEquals(Events.uuids(events), Events.uuids(all), "in flight first, then the rest, oldest first");
    assertTrue(!batch.answer(), "a late answer finds the batch taken");
  }

  @Test
  void anAnsweredBatchIsNotTakenAgain() {
    PendingEvents pending = new PendingEvents(10);
    List<SerializedEvent> events = Events.serialized(4);
    events.forEach(pending::add);

    InFlight batch = pending.startBatch(3);
    assertTrue(batch.answer());

    assertEquals(Events.uuids(events.subList(3, 4)), Events.uuids(pending.takeAll()));
  }
}
