package io.tracked.agent.weaving;

import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.annotation.AnnotationValue;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Reads a method's {@code @Tracked}, {@code @TrackedProperty} and {@code @NotTracked} annotations,
 * or the {@code methods} option, into an {@link EventBinding}. Annotations are matched by name from
 * the class file, so the agent never loads or links against the host's copy of the API.
 */
public final class BindingFactory {

  public static final String TRACKED = "io.tracked.api.Tracked";
  public static final String TRACKED_PROPERTY = "io.tracked.api.TrackedProperty";
  public static final String NOT_TRACKED = "io.tracked.api.NotTracked";
  public static final String TELEMETRY_SWITCH = "io.tracked.api.TelemetrySwitch";

  private final MethodsOption methods;

  public BindingFactory(MethodsOption methods) {
    this.methods = methods;
  }

  /** Whether the method can be woven at all: it has a body we can wrap. */
  public static boolean weavable(MethodDescription method) {
    return method.isMethod() && !method.isAbstract() && !method.isNative() && !method.isBridge();
  }

  /** The binding for the method, or {@code null} when it is not tracked. */
  public EventBinding bindingFor(TypeDescription type, MethodDescription method) {
    if (!weavable(method)) {
      return null;
    }
    AnnotationDescription tracked = annotation(method.getDeclaredAnnotations(), TRACKED);
    String eventName;
    String returnProperty = null;
    boolean onException = false;
    if (tracked != null) {
      eventName = stringValue(tracked, "value", "");
      if (eventName.isEmpty()) {
        eventName = method.getName();
      }
      String returns = stringValue(tracked, "returns", "");
      returnProperty = returns.isEmpty() ? null : returns;
      onException = booleanValue(tracked, "onException", false);
    } else {
      eventName = methods.eventFor(type.getName(), method.getName());
      if (eventName == null) {
        return null;
      }
    }
    List<String> properties = new ArrayList<>();
    for (ParameterDescription parameter : method.getParameters()) {
      properties.add(propertyName(parameter));
    }
    return new EventBinding(type.getName(), method.getName(), method.getDescriptor(), eventName,
        List.copyOf(nullSafe(properties)), returnProperty, onException);
  }

  /** How the value of a host's {@code @TelemetrySwitch} method is read, or why it cannot be. */
  public record SwitchBinding(String method, boolean fromReturn, String problem) {}

  /** The switch binding for the method, or {@code null} when it carries no {@code @TelemetrySwitch}. */
  public static SwitchBinding switchBindingFor(TypeDescription type, MethodDescription method) {
    if (!weavable(method) || annotation(method.getDeclaredAnnotations(), TELEMETRY_SWITCH) == null) {
      return null;
    }
    String name = type.getName() + "#" + method.getName();
    if (isBoolean(method.getReturnType().asErasure()) && method.getParameters().isEmpty()) {
      return new SwitchBinding(name, true, null);
    }
    if (method.getParameters().size() == 1 && isBoolean(method.getParameters().get(0).getType().asErasure())) {
      return new SwitchBinding(name, false, null);
    }
    return new SwitchBinding(name, false, "@TelemetrySwitch on " + name + " is ignored: the method must return"
        + " a boolean and take no arguments, or take exactly one boolean. Fix: annotate the method that reads or"
        + " applies the setting");
  }

  private static boolean isBoolean(TypeDescription type) {
    return type.represents(boolean.class) || type.represents(Boolean.class);
  }

  private static List<String> nullSafe(List<String> properties) {
    // List.copyOf rejects nulls; keep positions with a marker the dispatcher skips.
    List<String> copy = new ArrayList<>(properties.size());
    for (String property : properties) {
      copy.add(property == null ? "" : property);
    }
    return copy;
  }

  private static String propertyName(ParameterDescription parameter) {
    AnnotationList annotations = parameter.getDeclaredAnnotations();
    if (annotation(annotations, NOT_TRACKED) != null) {
      return null;
    }
    AnnotationDescription property = annotation(annotations, TRACKED_PROPERTY);
    if (property != null) {
      String name = stringValue(property, "value", "");
      if (!name.isEmpty()) {
        return name;
      }
    }
    // Without -parameters the name would be arg0, which says nothing: such arguments are skipped.
    return parameter.isNamed() ? parameter.getName() : null;
  }

  static AnnotationDescription annotation(AnnotationList annotations, String typeName) {
    for (AnnotationDescription annotation : annotations) {
      if (annotation.getAnnotationType().getName().equals(typeName)) {
        return annotation;
      }
    }
    return null;
  }

  private static String stringValue(AnnotationDescription annotation, String property, String fallback) {
    try {
      AnnotationValue<?, ?> value = annotation.getValue(property);
      Object resolved = value.resolve();
      return resolved instanceof String ? (String) resolved : fallback;
    } catch (RuntimeException unresolvable) {
      return fallback;
    }
  }

  private static boolean booleanValue(AnnotationDescription annotation, String property, boolean fallback) {
    try {
      Object resolved = annotation.getValue(property).resolve();
      return resolved instanceof Boolean ? (Boolean) resolved : fallback;
    } catch (RuntimeException unresolvable) {
      return fallback;
    }
  }
}
