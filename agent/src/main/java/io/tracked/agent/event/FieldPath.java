package io.tracked.agent.event;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows a path of field names from a host object ({@code c.kind}, {@code this.name}) the way the
 * sanitizer reads fields: {@link Field#get} after {@link Field#trySetAccessible}, which runs no code
 * of the host (no getter, {@code toString}, {@code equals}). Fields of JDK classes are not read:
 * their internals are not the host's data. The value found still goes through the sanitizer.
 */
public final class FieldPath {

  /** What a path yields when a field is missing or cannot be read. */
  public static final Object UNREADABLE = new Object();

  private static final ClassValue<Map<String, Object>> FIELDS = new ClassValue<>() {
    @Override
    protected Map<String, Object> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  private FieldPath() {}

  /** The value at the end of {@code path}, {@code null} if a step is null, or {@link #UNREADABLE}. */
  public static Object read(Object root, List<String> path) {
    Object current = root;
    for (String name : path) {
      if (current == null) {
        return null;
      }
      Field field = field(current.getClass(), name);
      if (field == null) {
        return UNREADABLE;
      }
      try {
        current = field.get(current);
      } catch (IllegalAccessException | RuntimeException unreadable) {
        return UNREADABLE;
      }
    }
    return current;
  }

  private static Field field(Class<?> type, String name) {
    Map<String, Object> fields = FIELDS.get(type);
    Object known = fields.get(name);
    if (known == null) {
      known = find(type, name);
      fields.put(name, known);
    }
    return known instanceof Field ? (Field) known : null;
  }

  private static Object find(Class<?> type, String name) {
    try {
      for (Class<?> c = type; c != null && !platform(c); c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
            return field.trySetAccessible() ? field : Boolean.FALSE;
          }
        }
      }
    } catch (RuntimeException | LinkageError unreadable) {
      // fall through: the path cannot be followed
    }
    return Boolean.FALSE;
  }

  private static boolean platform(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }
}
