package io.tracked.agent.weaving;

import io.tracked.agent.event.EventBinding;
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

  private final ConcurrentHashMap<String, Integer> eventKeys = new ConcurrentHashMap<>();

  /**
   * The number of an event name, the same for every method that records it: a tracked call nested
   * in a call of the same event on the same thread is not counted again.
   */
  public synchronized int eventKey(String eventName) {
    return eventKeys.computeIfAbsent(eventName, name -> eventKeys.size());
  }

  private final ConcurrentHashMap<String, Integer> switchIds = new ConcurrentHashMap<>();
  private volatile String[] switchesById = new String[0];

  /** The id of a host {@code @TelemetrySwitch} method, named {@code Class#method}. */
  public synchronized int registerSwitch(String method) {
    Integer known = switchIds.get(method);
    if (known != null) {
      return known;
    }
    String[] table = Arrays.copyOf(switchesById, switchesById.length + 1);
    table[table.length - 1] = method;
    switchesById = table;
    switchIds.put(method, table.length - 1);
    return table.length - 1;
  }

  /** The switch method's name for the id, or {@code null} for an id this agent never issued. */
  public String switchMethod(int id) {
    String[] table = switchesById;
    return id >= 0 && id < table.length ? table[id] : null;
  }
}
