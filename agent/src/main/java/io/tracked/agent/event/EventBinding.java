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

  // equals and hashCode are written out on purpose: a record's generated ones are bootstrapped through
  // method handles (java.lang.runtime.ObjectMethods), and MethodBindings hashes the first binding while
  // the host's first tracked class waits to load: that bootstrap alone cost ~100 ms of CPU, interpreted.
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof EventBinding)) {
      return false;
    }
    EventBinding that = (EventBinding) other;
    return onException == that.onException && className.equals(that.className) && methodName.equals(that.methodName)
        && descriptor.equals(that.descriptor) && eventName.equals(that.eventName)
        && argumentProperties.equals(that.argumentProperties) && java.util.Objects.equals(returnProperty, that.returnProperty);
  }

  @Override
  public int hashCode() {
    int hash = className.hashCode();
    hash = 31 * hash + methodName.hashCode();
    hash = 31 * hash + descriptor.hashCode();
    hash = 31 * hash + eventName.hashCode();
    hash = 31 * hash + argumentProperties.hashCode();
    hash = 31 * hash + java.util.Objects.hashCode(returnProperty);
    return 31 * hash + Boolean.hashCode(onException);
  }
}
