package io.tracked.agent.sanitize;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Walks one captured value by its type, within a {@link Limits budget}, and never calls code of the
 * host: no {@code toString}, {@code hashCode}, {@code equals}, getter, record accessor or iterator of a
 * class it does not know.
 *
 * <ul>
 *   <li>{@code null}, booleans, the JDK's own number classes (finite), enums (by {@code name()}, which
 *       is final in {@link Enum}) are kept; a 13 to 19 digit integer that is a valid card number is not;
 *   <li>strings, {@link StringBuilder}s and characters go to the {@link StringClassifier}; a
 *       {@code char[]}, {@code Character[]} or collection of characters is judged (and sent) as the one
 *       string it spells, so a password cannot leave one character at a time;
 *   <li>arrays, the JDK's own collection and map classes (matched by exact class: a host subclass or a
 *       wrapper around a host collection is not walked), {@link Optional}, and records and plain
 *       objects (their fields, read by reflection, see {@link FieldPlans}) are inspected to a bounded
 *       depth, element count and time. A list keeps its kept elements in order; a map or object
 *       becomes a map from its keys or field names to kept values, a key or field whose name announces
 *       content being dropped with its value. Parts that are dropped make the verdict {@code REDACT}
 *       ("partial: ..."); if nothing is left of a non-empty container it is dropped, and so is an object
 *       without fields ({@code empty-object}); an empty list or map is kept;
 *   <li>{@code Path}, {@code File}, URIs, URLs, IP addresses and throwables are dropped by type;
 *       everything else is dropped as {@code unsupported-type}.
 * </ul>
 *
 * <p>A walk that runs out of time is dropped whole ({@code timeout}); so is a container with too many
 * elements ({@code too-large}); a branch deeper than the limit ({@code too-deep}) or that leads back to
 * an object on the current path ({@code cycle}) is dropped as a part.
 */
final class ValueWalker {

  private static final Verdict DROP_CONTENT = Verdict.drop(Reasons.CONTENT_PARAMETER);
  private static final Verdict DROP_NOT_FINITE = Verdict.drop(Reasons.NOT_FINITE);
  private static final Verdict DROP_UNSUPPORTED = Verdict.drop(Reasons.UNSUPPORTED_TYPE);
  private static final Verdict DROP_TOO_LARGE = Verdict.drop(Reasons.TOO_LARGE);
  private static final Verdict DROP_TOO_DEEP = Verdict.drop(Reasons.TOO_DEEP);
  private static final Verdict DROP_CYCLE = Verdict.drop(Reasons.CYCLE);
  private static final Verdict DROP_CARD = Verdict.drop(Reasons.CARD_NUMBER);
  private static final Verdict DROP_EMPTY_OBJECT = Verdict.drop(Reasons.EMPTY_OBJECT);
  private static final Verdict KEEP_NULL = Verdict.keep(null, Reasons.NULL);
  private static final Verdict KEEP_TRUE = Verdict.keep(Boolean.TRUE, Reasons.BOOLEAN);
  private static final Verdict KEEP_FALSE = Verdict.keep(Boolean.FALSE, Reasons.BOOLEAN);

  /** The JDK's own collection and map classes whose iteration runs no code of their elements. */
  private static final Set<String> WALKABLE = Chars.words(
      "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashSet",
      "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.HashMap", "java.util.LinkedHashMap",
      "java.util.TreeMap", "java.util.IdentityHashMap", "java.util.EnumMap", "java.util.EnumSet",
      "java.util.RegularEnumSet", "java.util.JumboEnumSet", "java.util.PriorityQueue",
      "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentSkipListMap",
      "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.CopyOnWriteArrayList",
      "java.util.concurrent.CopyOnWriteArraySet", "java.util.concurrent.ConcurrentLinkedQueue",
      "java.util.concurrent.ConcurrentLinkedDeque", "java.util.ImmutableCollections$ListN",
      "java.util.ImmutableCollections$List12", "java.util.ImmutableCollections$SetN",
      "java.util.ImmutableCollections$Set12", "java.util.ImmutableCollections$MapN",
      "java.util.ImmutableCollections$Map1", "java.util.ImmutableCollections$SubList", "java.util.Arrays$ArrayList",
      "java.util.Collections$EmptyList", "java.util.Collections$EmptySet", "java.util.Collections$EmptyMap",
      "java.util.Collections$SingletonList", "java.util.Collections$SingletonSet",
      "java.util.Collections$SingletonMap");

  private final Limits limits;
  private final StringClassifier strings;
  private final ShortStringVerdicts shortStrings;

  ValueWalker(Limits limits) {
    this.limits = limits;
    this.strings = new StringClassifier(limits);
    this.shortStrings = new ShortStringVerdicts(strings);
  }

  /** Forgets the values {@link ShortStringVerdicts} remembers: the user opted out. */
  void forgetValues() {
    shortStrings.clear();
  }

  int rememberedValues() {
    return shortStrings.size();
  }

  /** One walk's budget: a deadline, a node count and the objects on the current path. */
  private final class Walk {
    final long deadline = System.nanoTime() + limits.timeBudgetNanos();
    final Object[] path = new Object[limits.maxDepth() + 2];
    int nodes;

    void step() {
      if (++nodes > limits.maxNodes()) {
        throw new BudgetExceeded(Reasons.TOO_LARGE);
      }
      if (System.nanoTime() > deadline) {
        throw new BudgetExceeded(Reasons.TIMEOUT);
      }
    }

    boolean onPath(Object value, int depth) {
      for (int i = 0; i < depth; i++) {
        if (path[i] == value) {
          return true;
        }
      }
      return false;
    }
  }

  /** Thrown to abandon a whole walk; carries the reason. */
  static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Judges a value captured under {@code name} (the parameter, field or key it came from). */
  Verdict judge(String name, Object value) {
    return judge(name, value, false);
  }

  /** As {@link #judge(String, Object)}; {@code generatedId}: the host declared the value an id it generated. */
  Verdict judge(String name, Object value, boolean generatedId) {
    int flags = ContentNames.flags(name);
    if ((flags & ContentNames.IS_CONTENT) != 0) {
      return DROP_CONTENT;
    }
    int hints = (generatedId ? StringClassifier.GENERATED_ID : 0)
        | ((flags & ContentNames.KEY_LIKE) != 0 ? StringClassifier.KEY_NAME : 0);
    Verdict scalar = scalar(value, hints);
    if (scalar != null) {
      return scalar;
    }
    Walk walk = new Walk();
    try {
      return composite(value, 0, walk);
    } catch (BudgetExceeded exceeded) {
      return Verdict.drop(exceeded.getMessage());
    }
  }

  /** The verdict for a value that is not a container, or {@code null} when it is one (or unknown). */
  private Verdict scalar(Object value, int hints) {
    if (value instanceof String) {
      return shortStrings.classify((String) value, hints);
    }
    if (value == null) {
      return KEEP_NULL;
    }
    if (value instanceof Boolean) {
      return (Boolean) value ? KEEP_TRUE : KEEP_FALSE;
    }
    Class<?> type = value.getClass();
    if (type == Integer.class || type == Short.class || type == Byte.class) {
      return Verdict.keep(value, Reasons.NUMBER);
    }
    if (type == Long.class) {
      long number = (Long) value;
      return cardNumber(number) ? DROP_CARD : Verdict.keep(value, Reasons.NUMBER);
    }
    if (type == Double.class || type == Float.class) {
      return Double.isFinite(((Number) value).doubleValue()) ? Verdict.keep(value, Reasons.NUMBER) : DROP_NOT_FINITE;
    }
    if (type == BigInteger.class) {
      BigInteger number = (BigInteger) value;
      if (number.bitLength() > 256) {
        return Verdict.drop(Reasons.TOO_LONG);
      }
      return number.bitLength() < 64 && cardNumber(number.longValue()) ? DROP_CARD
          : Verdict.keep(value, Reasons.NUMBER);
    }
    if (type == BigDecimal.class) {
      BigDecimal number = (BigDecimal) value;
      if (number.precision() > 80 || Math.abs(number.scale()) > 1000) {
        return Verdict.drop(Reasons.TOO_LONG);
      }
      return Verdict.keep(value, Reasons.NUMBER);
    }
    if (type == AtomicInteger.class) {
      return Verdict.keep(((AtomicInteger) value).get(), Reasons.NUMBER);
    }
    if (type == AtomicLong.class) {
      long number = ((AtomicLong) value).get();
      return cardNumber(number) ? DROP_CARD : Verdict.keep(number, Reasons.NUMBER);
    }
    if (type == AtomicBoolean.class) {
      return ((AtomicBoolean) value).get() ? KEEP_TRUE : KEEP_FALSE;
    }
    if (value instanceof Enum<?>) {
      return Verdict.keep(((Enum<?>) value).name(), Reasons.ENUM); // name() is final: no host code runs
    }
    if (type == Character.class) {
      return shortStrings.classify(String.valueOf((char) (Character) value), hints);
    }
    if (type == StringBuilder.class) {
      StringBuilder builder = (StringBuilder) value;
      if (builder.length() > limits.maxScanLength()) {
        return Verdict.drop(Reasons.TOO_LONG);
      }
      return strings.classify(builder.toString(), hints);
    }
    if (type == char[].class) {
      char[] chars = (char[]) value;
      return chars.length > limits.maxScanLength() ? Verdict.drop(Reasons.TOO_LONG)
          : strings.classify(new String(chars), hints);
    }
    if (type == byte[].class) {
      return Verdict.drop(Reasons.BINARY);
    }
    if (type == UUID.class || type == Instant.class || type == LocalDate.class || type == LocalDateTime.class
        || type == LocalTime.class || type == OffsetDateTime.class || type == Duration.class) {
      return strings.classify(value.toString(), hints); // final JDK classes: their toString is the JDK's
    }
    if (type == ZonedDateTime.class) {
      return strings.classify(((ZonedDateTime) value).toOffsetDateTime().toString(), hints);
    }
    if (type == Locale.class) {
      return strings.classify(((Locale) value).toLanguageTag(), hints);
    }
    if (type == Class.class) {
      return strings.classify(((Class<?>) value).getName(), hints);
    }
    if (value instanceof java.nio.file.Path || value instanceof java.io.File) {
      return Verdict.drop(Reasons.PATH);
    }
    if (type == URI.class || type == URL.class) {
      return Verdict.drop(Reasons.URL);
    }
    if (value instanceof InetAddress) {
      return Verdict.drop(Reasons.IP_ADDRESS);
    }
    if (value instanceof Throwable) {
      return Verdict.drop(Reasons.STACK_TRACE);
    }
    if (value instanceof CharSequence || value instanceof Number) {
      return DROP_UNSUPPORTED; // host implementations: reading them would run host code
    }
    return null;
  }

  /** 13 to 19 digits, a card network's prefix and a valid Luhn digit. */
  private static boolean cardNumber(long number) {
    if (number < 1_000_000_000_000L) {
      return false;
    }
    return PersonalNumbers.find(Long.toString(number), 13) == Reasons.CARD_NUMBER;
  }

  private Verdict child(Object value, int depth, Walk walk) {
    Verdict scalar = scalar(value, 0);
    if (scalar != null) {
      return scalar;
    }
    return composite(value, depth, walk);
  }

  private Verdict composite(Object value, int depth, Walk walk) {
    walk.step();
    if (depth > limits.maxDepth()) {
      return DROP_TOO_DEEP;
    }
    if (walk.onPath(value, depth)) {
      return DROP_CYCLE;
    }
    walk.path[depth] = value;
    try {
      Class<?> type = value.getClass();
      if (type.isArray()) {
        return array(value, depth, walk);
      }
      if (type == Optional.class) {
        Optional<?> optional = (Optional<?>) value;
        return optional.isPresent() ? child(optional.get(), depth + 1, walk) : KEEP_NULL;
      }
      if (WALKABLE.contains(type.getName()) && type.getClassLoader() == null) {
        if (value instanceof Map<?, ?>) {
          return map((Map<?, ?>) value, depth, walk);
        }
        return collection(((Collection<?>) value).iterator(), depth, walk);
      }
      if (type.isEnum() || type.getClassLoader() == null) {
        return DROP_UNSUPPORTED;
      }
      FieldPlans.Plan plan = FieldPlans.of(type);
      if (plan == null) {
        return DROP_UNSUPPORTED;
      }
      return object(value, plan, depth, walk);
    } finally {
      walk.path[depth] = null;
    }
  }

  private Verdict array(Object array, int depth, Walk walk) {
    int length = Array.getLength(array);
    if (length > limits.maxElements()) {
      return DROP_TOO_LARGE;
    }
    Parts parts = new Parts(length);
    Class<?> component = array.getClass().getComponentType();
    if (component == Character.class) {
      return charactersAsText(java.util.Arrays.asList((Character[]) array).iterator(), length);
    }
    for (int i = 0; i < length; i++) {
      Object element = Array.get(array, i); // boxes primitives; no host code
      parts.add(null, child(element, depth + 1, walk));
    }
    return parts.list();
  }

  private Verdict collection(Iterator<?> iterator, int depth, Walk walk) {
    List<Object> elements = new ArrayList<>();
    boolean characters = true;
    while (iterator.hasNext()) {
      if (elements.size() >= limits.maxElements()) {
        return DROP_TOO_LARGE;
      }
      Object element = iterator.next();
      characters &= element instanceof Character;
      elements.add(element);
    }
    if (characters && !elements.isEmpty()) {
      return charactersAsText(elements.iterator(), elements.size());
    }
    Parts parts = new Parts(elements.size());
    for (Object element : elements) {
      parts.add(null, child(element, depth + 1, walk));
    }
    return parts.list();
  }

  private Verdict charactersAsText(Iterator<?> characters, int length) {
    StringBuilder text = new StringBuilder(length);
    while (characters.hasNext()) {
      Object c = characters.next();
      if (!(c instanceof Character)) {
        return DROP_UNSUPPORTED;
      }
      text.append((char) (Character) c);
    }
    return strings.classify(text.toString()); // characters one by one spell a text: judged as that text
  }

  private Verdict map(Map<?, ?> map, int depth, Walk walk) {
    List<Map.Entry<?, ?>> entries = new ArrayList<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entries.size() >= limits.maxElements()) {
        return DROP_TOO_LARGE;
      }
      entries.add(entry);
    }
    Parts parts = new Parts(entries.size());
    for (Map.Entry<?, ?> entry : entries) {
      Object key = entry.getKey();
      String name = keyName(key);
      if (name == null) {
        parts.add(null, Verdict.drop(Reasons.UNSUPPORTED_KEY));
        continue;
      }
      Verdict keyVerdict = strings.classify(name);
      if (!keyVerdict.sendable()) {
        parts.add(null, keyVerdict); // the key itself is personal: an e-mail, a path...
        continue;
      }
      if (ContentNames.isContent(name)) {
        parts.add(null, DROP_CONTENT);
        continue;
      }
      parts.add(name, child(entry.getValue(), depth + 1, walk));
    }
    return parts.map(Reasons.MAP);
  }

  private static String keyName(Object key) {
    if (key instanceof String) {
      return (String) key;
    }
    if (key instanceof Enum<?>) {
      return ((Enum<?>) key).name();
    }
    Class<?> type = key == null ? null : key.getClass();
    if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
        || type == Boolean.class || type == Character.class) {
      return String.valueOf(key);
    }
    return null;
  }

  private Verdict object(Object value, FieldPlans.Plan plan, int depth, Walk walk) {
    Field[] fields = plan.fields();
    String[] names = plan.names();
    if (fields.length == 0) {
      return DROP_EMPTY_OBJECT; // nothing to tell: "{}" is no analytics
    }
    Parts parts = new Parts(fields.length);
    for (int i = 0; i < fields.length; i++) {
      if (ContentNames.isContent(names[i])) {
        parts.add(null, DROP_CONTENT);
        continue;
      }
      Object fieldValue;
      try {
        fieldValue = fields[i].get(value);
      } catch (IllegalAccessException | RuntimeException unreadable) {
        return DROP_UNSUPPORTED;
      }
      parts.add(names[i], child(fieldValue, depth + 1, walk));
    }
    return parts.map(Reasons.OBJECT);
  }

  /** What is left of a container: the kept parts, and the classes of the dropped ones. */
  private static final class Parts {
    private final List<Object> values;
    private final List<String> names;
    private Set<String> dropped;
    private int total;

    Parts(int expected) {
      values = new ArrayList<>(Math.min(expected, 64));
      names = new ArrayList<>(Math.min(expected, 64));
    }

    void add(String name, Verdict verdict) {
      total++;
      if (verdict.sendable()) {
        values.add(verdict.value());
        names.add(name);
        if (verdict.action() == Verdict.Action.REDACT) {
          noteDropped(verdict.reason().substring(Reasons.PARTIAL.length()));
        }
      } else {
        noteDropped(verdict.reason());
      }
    }

    private void noteDropped(String reason) {
      if (dropped == null) {
        dropped = new LinkedHashSet<>();
      }
      for (String part : reason.split(", ")) {
        dropped.add(part);
      }
    }

    Verdict list() {
      return verdict(new ArrayList<>(values), Reasons.LIST);
    }

    Verdict map(String keepReason) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < values.size(); i++) {
        map.put(names.get(i), values.get(i));
      }
      return verdict(map, keepReason);
    }

    private Verdict verdict(Object value, String keepReason) {
      if (dropped == null) {
        return Verdict.keep(value, total == 0 ? Reasons.EMPTY : keepReason);
      }
      if (values.isEmpty()) {
        return Verdict.drop(dropped.iterator().next());
      }
      return Verdict.redact(value, Reasons.PARTIAL + String.join(", ", dropped));
    }
  }
}
