package io.tracked.agent.delivery;

import io.tracked.agent.event.SerializedEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A store in memory, to see what delivery kept, replayed and deleted. Like the spool, deleting
 * everything also voids replays still out: ending one afterwards puts nothing back.
 */
final class MemoryStore implements UndeliveredStore {

  final List<SerializedEvent> kept = new ArrayList<>();
  int replayed;
  private int generation;
  boolean closed;

  synchronized List<String> keptUuids() {
    return Events.uuids(kept);
  }

  @Override
  public synchronized int keep(List<SerializedEvent> events) {
    kept.addAll(events);
    return events.size();
  }

  @Override
  public synchronized Replay replay(int max) {
    List<SerializedEvent> taken = new ArrayList<>(kept.subList(0, Math.min(max, kept.size())));
    kept.removeAll(taken);
    MemoryStore store = this;
    int takenIn = generation;
    return new Replay() {
      @Override
      public List<SerializedEvent> events() {
        return taken;
      }

      @Override
      public void delivered() {
        synchronized (store) {
          replayed += taken.size();
        }
      }

      @Override
      public void notDelivered() {
        synchronized (store) {
          if (takenIn == generation) {
            kept.addAll(0, taken);
          }
        }
      }
    };
  }

  @Override
  public synchronized long deleteAll() {
    long count = kept.size();
    kept.clear();
    generation++;
    return count;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  @Override
  public String describe() {
    return "memory";
  }
}
