package io.tracked.agent.sanitize;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * For each class of host object, once: the instance fields the walker may read, or none when the
 * object cannot be judged safely. Fields are read with {@link Field#get(Object)} after
 * {@link Field#trySetAccessible()} succeeds: that runs no code of the host (no getter, accessor,
 * {@code toString}, {@code hashCode} or {@code equals}). Asking a class for its fields can make the JVM
 * load the classes of those fields through the class's own loader, as any reflection does; the answer
 * is cached per class so that happens at most once.
 *
 * <p>No plan (the object is dropped as {@code unsupported-type}) for: JDK and other platform classes
 * other than the ones the walker knows (their internals are not the host's data and are not open),
 * lambdas, hidden, synthetic and proxy classes, classes whose fields cannot be made accessible (a
 * named module that does not open its package), and classes with more fields than a value may have.
 */
final class FieldPlans {

  private FieldPlans() {}

  /** The readable fields of one class, superclass fields first. */
  record Plan(Field[] fields, String[] names) {}

  private static final Plan NONE = new Plan(new Field[0], new String[0]);

  private static final ClassValue<Plan> PLANS = new ClassValue<>() {
    @Override
    protected Plan computeValue(Class<?> type) {
      try {
        return plan(type);
      } catch (RuntimeException | LinkageError failure) {
        return NONE;
      }
    }
  };

  /** The plan for {@code type}, or {@code null} when its objects cannot be judged. */
  static Plan of(Class<?> type) {
    Plan plan = PLANS.get(type);
    return plan == NONE ? null : plan;
  }

  private static Plan plan(Class<?> type) {
    if (type.isSynthetic() || type.isHidden() || Proxy.isProxyClass(type) || type.isAnonymousClass()
        || type.isInterface() || type.isArray() || type.isPrimitive() || platform(type)) {
      return NONE;
    }
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class && c != Record.class; c = c.getSuperclass()) {
      if (platform(c)) {
        return NONE; // a host subclass of a JDK class: its state lives in fields we may not read
      }
      chain.add(0, c);
    }
    List<Field> fields = new ArrayList<>();
    for (Class<?> c : chain) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
          continue; // constants, caches, and the captured outer instance (this$0)
        }
        if (!field.trySetAccessible()) {
          return NONE;
        }
        fields.add(field);
        if (fields.size() > Limits.DEFAULT.maxElements()) {
          return NONE;
        }
      }
    }
    Field[] array = fields.toArray(new Field[0]);
    String[] names = new String[array.length];
    for (int i = 0; i < array.length; i++) {
      names[i] = array[i].getName();
    }
    return new Plan(array, names);
  }

  /** Classes of the JDK and the platform, whose internals are not the host's data. */
  static boolean platform(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null || loader == ClassLoader.getPlatformClassLoader()) {
      return true;
    }
    String name = type.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")
        || name.startsWith("com.sun.");
  }
}
