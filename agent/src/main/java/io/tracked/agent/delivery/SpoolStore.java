package io.tracked.agent.delivery;

import io.tracked.agent.event.SerializedEvent;
import io.tracked.agent.spool.Spool;
import io.tracked.agent.spool.SpoolClaim;
import io.tracked.agent.spool.SpoolDestination;
import io.tracked.agent.spool.SpoolRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The spool as delivery's {@link UndeliveredStore}: events are kept under their destination (host
 * and key), so they are only ever replayed to the project they were meant for; opting out deletes
 * every destination's events.
 */
final class SpoolStore implements UndeliveredStore {

  private final Spool spool;
  private final SpoolDestination destination;

  SpoolStore(Spool spool, String host, String apiKey) {
    this.spool = spool;
    this.destination = spool.destination(host, apiKey);
  }

  @Override
  public int keep(List<SerializedEvent> events) {
    List<SpoolRecord> records = new ArrayList<>(events.size());
    for (SerializedEvent event : events) {
      records.add(new SpoolRecord(event.uuid(), event.json()));
    }
    return destination.append(records);
  }

  @Override
  public Replay replay(int max) {
    SpoolClaim claim = destination.claim(max);
    List<SerializedEvent> events = new ArrayList<>(claim.records().size());
    for (SpoolRecord record : claim.records()) {
      events.add(new SerializedEvent(record.uuid(), record.json()));
    }
    return new Replay() {
      @Override
      public List<SerializedEvent> events() {
        return events;
      }

      @Override
      public void delivered() {
        claim.ack();
      }

      @Override
      public void notDelivered() {
        claim.release();
      }
    };
  }

  @Override
  public long deleteAll() {
    return spool.clearAll();
  }

  @Override
  public void close() {
    spool.close();
  }

  @Override
  public String describe() {
    return "the spool " + destination.directory();
  }
}
