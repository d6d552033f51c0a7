package io.tracked.agent.weaving;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers every woven method's {@link EventBinding}. The number is compiled into the advice as a
 * constant, so a call finds its binding with one array read instead of reflection or a map lookup.
 */
public final class MethodBindings {

  private final ConcurrentHashMap<EventBinding, Integer> ids = new ConcurrentHashMap<>();
  private volatile EventBinding[] byId = new EventBinding[64];
  private int next;

  /** The id of the binding, registering it the first time (re-weaving a class reuses its ids). */
  public int register(EventBinding binding) {
    Integer known = ids.get(binding);
    if (known != null) {
      return known;
    }
    synchronized (this) {
      known = ids.get(binding);
      if (known != null) {
        return known;
      }
      int id = next++;
      EventBinding[] table = byId;
      if (id >= table.length) {
        table = Arrays.copyOf(table, table.length * 2);
      }
      table[id] = binding;
      byId = table;
      ids.put(binding, id);
      return id;
    }
  }

  /** The binding for the id, or {@code null} for an id this agent never issued. */
  public EventBinding get(int id) {
    EventBinding[] table = byId;
    return id >= 0 && id < table.length ? table[id] : null;
  }

  public int size() {
    return ids.size();
  }
}
