package io.tracked.agent.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An event's properties: what was captured (and kept), then the properties common to every event,
 * as one read-only map in that order, without copying the common ones into each event. Those are the
 * same for every event of a run, so their JSON is written once ({@link Common}) and {@link EventJson}
 * appends it as it is. A captured name never equals a common one (they are reserved names); should
 * one ever, the common value wins, as it did when the common properties were put last into one map.
 */
public final class EventProperties extends AbstractMap<String, Object> {

  /** The properties every event carries, with their JSON members written once. */
  public static final class Common {
    private final Map<String, Object> properties;
    private final String members;

    public Common(Map<String, Object> properties) {
      // a copy: the members written below must stay what the map holds
      this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
      this.members = EventJson.members(properties);
    }

    Map<String, Object> properties() {
      return properties;
    }

    /** {@code "name":value,...} in the map's order, or "" when there are none. */
    String members() {
      return members;
    }
  }

  private final Map<String, Object> captured;
  private final Common common;

  public EventProperties(Map<String, Object> captured, Common common) {
    this.captured = captured;
    this.common = common;
  }

  Map<String, Object> captured() {
    return captured;
  }

  Common common() {
    return common;
  }

  /** Whether a captured entry is shadowed by a common property of the same name. */
  boolean shadowed(String name) {
    return common.properties.containsKey(name);
  }

  @Override
  public Object get(Object name) {
    Object value = common.properties.get(name);
    return value != null || common.properties.containsKey(name) ? value : captured.get(name);
  }

  @Override
  public boolean containsKey(Object name) {
    return common.properties.containsKey(name) || captured.containsKey(name);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        int size = common.properties.size();
        for (String name : captured.keySet()) {
          size += shadowed(name) ? 0 : 1;
        }
        return size;
      }
    };
  }

  /** Captured entries not shadowed, then the common ones. */
  private final class Entries implements Iterator<Entry<String, Object>> {
    private Iterator<Entry<String, Object>> current = captured.entrySet().iterator();
    private boolean inCommon;
    private Entry<String, Object> next = advance();

    private Entry<String, Object> advance() {
      while (true) {
        while (current.hasNext()) {
          Entry<String, Object> entry = current.next();
          if (inCommon || !shadowed(entry.getKey())) {
            return entry;
          }
        }
        if (inCommon) {
          return null;
        }
        inCommon = true;
        current = common.properties.entrySet().iterator();
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Entry<String, Object> next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      Entry<String, Object> entry = next;
      next = advance();
      return entry;
    }
  }
}
