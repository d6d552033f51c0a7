package io.tracked.agent.event;

import java.util.ArrayList;
import java.util.List;

/**
 * What one tracked method turns into, decided once when its class is woven: the event name, the
 * property each argument becomes, the fields read from arguments or {@code this}, the property for
 * the return value, and whether a call that throws still counts.
 *
 * <p>{@code argumentProperties} is aligned with the array the advice reports: when
 * {@code includesSelf} is set, that array starts with {@code this} (whose entry is always "").
 */
public record EventBinding(
    String className,
    String methodName,
    String descriptor,
    String eventName,
    /** One entry per reported argument: the property name, or "" for an argument that is never read. */
    List<String> argumentProperties,
    String returnProperty,
    boolean onException,
    /** Properties read by field path from a reported argument (or {@code this}). */
    List<FieldCapture> fieldCaptures,
    boolean includesSelf) {

  /** A binding that reads arguments whole, and nothing of {@code this}. */
  public EventBinding(String className, String methodName, String descriptor, String eventName,
      List<String> argumentProperties, String returnProperty, boolean onException) {
    this(className, methodName, descriptor, eventName, argumentProperties, returnProperty, onException, List.of(),
        false);
  }

  /**
   * A property whose value is a field of a reported argument, followed by name.
   *
   * @param slot the index in the reported array
   */
  public record FieldCapture(String property, int slot, List<String> path) {

    /** The field's value, or {@link FieldPath#UNREADABLE}. */
    public Object read(Object[] arguments) {
      if (arguments == null || slot >= arguments.length) {
        return FieldPath.UNREADABLE;
      }
      return FieldPath.read(arguments[slot], path);
    }
  }

  /** The property names this event can carry, in argument order, then fields, then the return value. */
  public List<String> propertyNames() {
    List<String> names = new ArrayList<>();
    for (String name : argumentProperties) {
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    for (FieldCapture field : fieldCaptures) {
      names.add(field.property());
    }
    if (returnProperty != null) {
      names.add(returnProperty);
    }
    if (onException) {
      names.add(PropertyNames.EXCEPTION);
    }
    return names;
  }
}
