package io.tracked.agent.sanitize;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Judges a property's values as a sequence, not one at a time: a tracked method that sees text one
 * character at a time (a key-typed handler) sends values each harmless alone whose sequence spells what
 * the user typed. The rule, per event and property:
 *
 * <ul>
 *   <li>a <em>fragment</em> is a captured string of at most {@value #MAX_FRAGMENT} characters or a
 *       character (a single key, a short piece of typed text), whether the sanitizer kept it or not;
 *   <li>fragments that arrive within {@value #GAP_MILLIS} ms of the previous one form a run; each
 *       fragment that differs from the one before lengthens it (a value repeated, such as a language id
 *       sent with every completion, does not), a pause or a longer value starts it again;
 *   <li>when a run reaches {@value #RUN} differing fragments the property is <em>latched</em>: from then
 *       on, for the rest of the process, its fragments are dropped ({@value #REASON}); longer values are
 *       still judged one by one as before.
 * </ul>
 *
 * <p>So at most {@value #RUN} minus one characters of typed text can leave before the property is
 * stopped. Thread-safe; the state is a few fields per (event, property), for at most {@value #MAX_KEYS}
 * pairs (beyond that, fragments of new pairs are dropped: fail closed).
 */
public final class SequenceGuard {

  /** The reason of a fragment dropped because its property's values form a typed sequence. */
  public static final String REASON = "typed-sequence";

  static final int MAX_FRAGMENT = 3;
  static final int RUN = 3;
  static final long GAP_MILLIS = 1_000;
  static final int MAX_KEYS = 4096;

  private static final Verdict DROP = Verdict.drop(REASON);

  private static final class State {
    String last;
    long lastAt;
    int run;
    boolean latched;
  }

  /** Event name, then property name: no key string is built per property per event. */
  private final Map<String, Map<String, State>> states = new ConcurrentHashMap<>();
  private final AtomicInteger pairs = new AtomicInteger();

  /**
   * The verdict for {@code value} captured as {@code property} of {@code event}, judged alone as
   * {@code verdict}, once the sequence it belongs to is considered:
   * {@code verdict} itself, or a drop ({@link #REASON}) when the property is latched. {@code epochMillis}
   * is the call's time. Never throws.
   */
  public Verdict screen(String event, String property, Object value, Verdict verdict, long epochMillis) {
    try {
      return judge(String.valueOf(event), String.valueOf(property), fragment(value), verdict, epochMillis);
    } catch (RuntimeException failure) {
      return DROP; // fail closed
    }
  }

  /** Whether the property has been latched: its fragments are no longer sent. */
  public boolean latched(String event, String property) {
    State state = state(String.valueOf(event), String.valueOf(property));
    if (state == null) {
      return false;
    }
    synchronized (state) {
      return state.latched;
    }
  }

  /** The captured value as a fragment of typed text (a short string or a character), or {@code null}. */
  private static String fragment(Object value) {
    if (value instanceof Character) {
      return value.toString();
    }
    if (value instanceof String && !((String) value).isEmpty() && ((String) value).length() <= MAX_FRAGMENT) {
      return (String) value;
    }
    return null;
  }

  /**
   * Forgets the last fragment of every property (captured text): the user opted out. A latched
   * property stays latched.
   */
  public void forgetValues() {
    for (Map<String, State> properties : states.values()) {
      for (State state : properties.values()) {
        synchronized (state) {
          state.last = null;
          state.run = 0;
        }
      }
    }
  }

  private State state(String event, String property) {
    Map<String, State> properties = states.get(event);
    return properties == null ? null : properties.get(property);
  }

  private Verdict judge(String event, String property, String value, Verdict verdict, long at) {
    boolean fragment = value != null; // kept or not: a dropped " " between kept letters is still typing
    State state = state(event, property);
    if (state == null) {
      if (!fragment) {
        return verdict; // nothing to remember until the property sends a fragment
      }
      if (pairs.get() >= MAX_KEYS) {
        return DROP;
      }
      state = states.computeIfAbsent(event, e -> new ConcurrentHashMap<>()).computeIfAbsent(property, p -> {
        pairs.incrementAndGet();
        return new State();
      });
    }
    synchronized (state) {
      if (!fragment) {
        state.run = 0;
        state.last = null;
        return verdict;
      }
      if (state.latched) {
        return DROP;
      }
      boolean soon = state.last != null && Math.abs(at - state.lastAt) <= GAP_MILLIS;
      if (!soon) {
        state.run = 1;
      } else if (!value.equals(state.last)) {
        state.run++;
      }
      state.last = value;
      state.lastAt = at;
      if (state.run >= RUN) {
        state.latched = true;
        return DROP;
      }
      return verdict;
    }
  }
}
