package io.tracked.agent.event;

import java.util.List;

/**
 * What one tracked method turns into, decided once when its class is woven: the event name, the
 * property each argument becomes, the property for
 * the return value, and whether a call that throws still counts.
 */
public record EventBinding(
    String className,
    String methodName,
    String descriptor,
    String eventName,
    /** One entry per parameter: the property name, or "" for an argument that is never read. */
    List<String> argumentProperties,
    String returnProperty,
    boolean onException) {

  /** The property names this event can carry, in argument order, then the return value. */
  public List<String> propertyNames() {
    java.util.ArrayList<String> names = new java.util.ArrayList<>();
    for (String name : argumentProperties) {
      if (!name.isEmpty()) {
        names.add(name);
      }
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
