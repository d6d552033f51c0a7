package io.tracked.agent.delivery;

import io.tracked.agent.event.SerializedEvent;
import java.util.ArrayList;
import java.util.List;

/** Interim: what PostHog did not acknowledge is appended to the outbox, where nothing replays it. */
final class OutboxStore implements UndeliveredStore {

  private static final Replay NOTHING = new Replay() {
    @Override
    public List<SerializedEvent> events() {
      return List.of();
    }

    @Override
    public void delivered() {}

    @Override
    public void notDelivered() {}
  };

  private final OutboxSink outbox;

  OutboxStore(OutboxSink outbox) {
    this.outbox = outbox;
  }

  @Override
  public int keep(List<SerializedEvent> events) {
    List<String> lines = new ArrayList<>(events.size());
    for (SerializedEvent event : events) {
      lines.add(event.json());
    }
    outbox.appendRaw(lines);
    return events.size();
  }

  @Override
  public Replay replay(int max) {
    return NOTHING;
  }

  @Override
  public long deleteAll() {
    return 0;
  }

  @Override
  public void close() {}

  @Override
  public String describe() {
    return outbox.file().toString();
  }
}
