package io.tracked.agent.weaving;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers that woven code carries as constants, the same in every run: a value's id is a stable hash
 * of its identity (a method's {@code Class#name(descriptor)}, an event's name), so woven bytes kept
 * from an earlier run (the {@code weave-cache}) still name the right value. Two identities that hash
 * alike get different ids: the later one probes to the next free id. An id compiled into cached
 * bytes is taken back with {@link #claim}, which refuses when this run has already given that id to
 * something else (the class is then woven afresh).
 *
 * <p>Reads run on the host's thread for every tracked call: {@link #get} is one volatile read of an
 * immutable snapshot and a probe of an int array by open addressing, without a lock. Writes (a class
 * being woven) copy the snapshot under a lock; there are hundreds of them per run at most.
 *
 * @param <V> the numbered value; equal values share an id
 */
final class StableIds<V> {

  /** Ids are non-negative: -1 means "no id" in woven code, and marks a free slot here. */
  static final int ID_MASK = 0x7FFFFFFF;
  private static final int FREE = -1;

  /** One immutable state of the table: {@code ids[i]} maps to {@code values[i]}. */
  private static final class Snapshot {
    final int[] ids;
    final Object[] values;
    final int size;

    Snapshot(int[] ids, Object[] values, int size) {
      this.ids = ids;
      this.values = values;
      this.size = size;
    }
  }

  /** How identities become preferred ids; stable across runs and JVMs. */
  interface Hash {
    int of(String identity);
  }

  /** {@link #fnv1a}; a class rather than a method reference, which would bootstrap lambdas at premain. */
  static final Hash FNV1A = new Hash() {
    @Override
    public int of(String identity) {
      return fnv1a(identity);
    }
  };

  private final Hash hash;
  private final int idMask;
  private final Map<V, Integer> known = new HashMap<>(); // guarded by this
  private volatile Snapshot snapshot = empty(16);

  StableIds() {
    this(FNV1A, ID_MASK);
  }

  /**
   * @param idMask which bits an id may use: a small mask forces collisions in tests
   */
  StableIds(Hash hash, int idMask) {
    this.hash = hash;
    this.idMask = idMask;
  }

  private static Snapshot empty(int capacity) {
    int[] ids = new int[capacity];
    java.util.Arrays.fill(ids, FREE);
    return new Snapshot(ids, new Object[capacity], 0);
  }

  /** The value with this id, or {@code null} for an id never issued: lock-free, for the host's thread. */
  @SuppressWarnings("unchecked")
  V get(int id) {
    if (id < 0) {
      return null;
    }
    Snapshot table = snapshot;
    int[] ids = table.ids;
    int mask = ids.length - 1;
    for (int slot = spread(id) & mask;; slot = (slot + 1) & mask) {
      int held = ids[slot];
      if (held == id) {
        return (V) table.values[slot];
      }
      if (held == FREE) {
        return null;
      }
    }
  }

  /** The id of {@code value}, issuing it the first time: its identity's hash, or the next free id after it. */
  synchronized int assign(String identity, V value) {
    Integer issued = known.get(value);
    if (issued != null) {
      return issued;
    }
    int id = hash.of(identity) & idMask;
    for (int tries = 0; tries <= idMask; tries++, id = (id + 1) & idMask) {
      Object held = get(id);
      if (held == null) {
        put(id, value);
        return id;
      }
      if (held.equals(value)) {
        return id;
      }
    }
    throw new IllegalStateException("no free id left"); // only with a test's tiny mask
  }

  /**
   * Takes {@code id} for {@code value}, as bytes woven in an earlier run expect: true when the id was
   * free or already holds an equal value; false when this run gave it to something else.
   *
   * @param onlyId whether the value may have no other id: an event's nesting key must be one number,
   *     or a call nested in a call of the same event would count twice; a method may answer to two
   *     ids harmlessly
   */
  synchronized boolean claim(int id, V value, boolean onlyId) {
    if (id < 0 || (id & ~idMask) != 0) {
      return false;
    }
    Integer issued = known.get(value);
    if (onlyId && issued != null && issued != id) {
      return false;
    }
    Object held = get(id);
    if (held == null) {
      put(id, value);
      return true;
    }
    return held.equals(value);
  }

  synchronized int size() {
    return known.size();
  }

  private void put(int id, V value) {
    Snapshot table = snapshot;
    int capacity = table.ids.length;
    if (2 * (table.size + 1) > capacity) {
      capacity *= 2; // at most half full: probes stay short
    }
    int[] ids = new int[capacity];
    java.util.Arrays.fill(ids, FREE);
    Object[] values = new Object[capacity];
    for (int i = 0; i < table.ids.length; i++) {
      if (table.ids[i] != FREE) {
        insert(ids, values, table.ids[i], table.values[i]);
      }
    }
    insert(ids, values, id, value);
    snapshot = new Snapshot(ids, values, table.size + 1);
    known.putIfAbsent(value, id);
  }

  private static void insert(int[] ids, Object[] values, int id, Object value) {
    int mask = ids.length - 1;
    int slot = spread(id) & mask;
    while (ids[slot] != FREE) {
      slot = (slot + 1) & mask;
    }
    ids[slot] = id;
    values[slot] = value;
  }

  /** Mixes the id's bits so that consecutive ids (probed ones) do not cluster in the table. */
  private static int spread(int id) {
    int h = id * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /**
   * FNV-1a over the identity's UTF-16 units, then a final avalanche: specified here, so it is the
   * same in every JVM and run ({@link String#hashCode} is too, but clusters on similar names).
   */
  static int fnv1a(String identity) {
    int h = 0x811C9DC5;
    for (int i = 0; i < identity.length(); i++) {
      h ^= identity.charAt(i);
      h *= 0x01000193;
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }
}
