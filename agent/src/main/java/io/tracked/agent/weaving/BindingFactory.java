package io.tracked.agent.weaving;

import io.tracked.agent.config.MethodSpec;
import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.config.ParameterRule;
import io.tracked.agent.event.EventBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
 *
 * <p>The inheritance rule: a method is tracked by the nearest declaration found by
 * {@link Declarations} (its own annotation or entry, else its supertypes', nearest first).
 * Parameter names and parameter annotations come from that declaration, falling back to the woven
 * method's own; a {@code @NotTracked} on either wins.
 */
public final class BindingFactory {

  public static final String TRACKED = "io.tracked.api.Tracked";
  public static final String TRACKED_PROPERTY = "io.tracked.api.TrackedProperty";
  public static final String NOT_TRACKED = "io.tracked.api.NotTracked";
  public static final String TELEMETRY_SWITCH = "io.tracked.api.TelemetrySwitch";

  private final MethodsOption methods;
  private final Consumer<String> problems;

  public BindingFactory(MethodsOption methods) {
    this(methods, problem -> {});
  }

  /** @param problems told, once per cause, of a {@code methods} entry that cannot apply as written */
  public BindingFactory(MethodsOption methods, Consumer<String> problems) {
    this.methods = methods;
    this.problems = problems;
  }

  /** Whether the method can be woven at all: it has a body we can wrap. */
  public static boolean weavable(MethodDescription method) {
    return method.isMethod() && !method.isAbstract() && !method.isNative() && !method.isBridge();
  }

  /** The tracked declarations visible from {@code type}: compute once per class, then ask per method. */
  public Declarations declarations(TypeDescription type) {
    return new Declarations(type, methods, null);
  }

  /**
   * As {@link #declarations(TypeDescription)}, for a class the JVM handed over rebuilt (retransformed
   * after attach): missing parameter names are then read from the loader's original class file.
   */
  Declarations declarations(TypeDescription type, ClassLoader loader) {
    return new Declarations(type, methods, loader == null ? null : new OriginalParameterNames(loader, type.getName()));
  }

  /** The binding for the method, or {@code null} when it is not tracked. */
  public EventBinding bindingFor(TypeDescription type, MethodDescription method) {
    return bindingFor(declarations(type), method);
  }

  /** The binding for a method of the class {@code declarations} was computed for, or {@code null}. */
  public EventBinding bindingFor(Declarations declarations, MethodDescription method) {
    if (!weavable(method)) {
      return null;
    }
    Declarations.Found found = declarations.nearest(method);
    if (found == null) {
      return null;
    }
    TypeDescription type = declarations.type();
    MethodDescription declared = found.method();
    List<ParameterDescription> own = new ArrayList<>(method.getParameters());
    List<ParameterDescription> theirs = new ArrayList<>(declared.getParameters());
    List<String> original = own.stream().allMatch(ParameterDescription::isNamed) ? null : declarations.originalNames(method);
    List<String> properties = new ArrayList<>();
    for (int i = 0; i < own.size(); i++) {
      String fallback = original == null || i >= original.size() ? null : original.get(i);
      properties.add(propertyName(theirs.get(i), own.get(i), fallback));
    }
    if (found.tracked() != null) {
      AnnotationDescription tracked = found.tracked();
      String eventName = stringValue(tracked, "value", "");
      String returns = stringValue(tracked, "returns", "");
      return new EventBinding(type.getName(), method.getName(), method.getDescriptor(),
          eventName.isEmpty() ? method.getName() : eventName, blanks(properties),
          returns.isEmpty() ? null : returns, booleanValue(tracked, "onException", false));
    }
    return fromSpec(type, method, found.spec(), theirs, own, original, properties);
  }

  private EventBinding fromSpec(TypeDescription type, MethodDescription method, MethodSpec spec,
      List<ParameterDescription> theirs, List<ParameterDescription> own, List<String> original,
      List<String> properties) {
    List<EventBinding.FieldCapture> fields = new ArrayList<>();
    boolean self = spec.rules().stream().anyMatch(ParameterRule::fromThis);
    if (self && method.isStatic()) {
      problems.accept("methods entry " + spec.text() + " ignored for " + type.getName() + "#" + method.getName()
          + ": the method is static, so it has no 'this'. Fix: take a field of an argument instead");
      return null;
    }
    int shift = self ? 1 : 0;
    boolean[] renamed = new boolean[own.size()];
    boolean[] pathed = new boolean[own.size()];
    for (ParameterRule rule : spec.rules()) {
      if (rule.fromThis()) {
        fields.add(new EventBinding.FieldCapture(rule.property(), 0, rule.path()));
        continue;
      }
      int index = indexOf(rule.source(), theirs, own, original);
      if (index < 0) {
        // Fail closed: a rule meant to skip or rename must not silently capture the argument.
        problems.accept("methods entry " + spec.text() + " ignored for " + type.getName() + "#" + method.getName()
            + ": it has no parameter '" + rule.source() + "' (its parameters: " + describe(theirs, own)
            + "). Fix: use one of those names, or argN counting from 0");
        return null;
      }
      if (rule.skip()) {
        properties.set(index, null);
        renamed[index] = true;
      } else if (rule.path().isEmpty()) {
        properties.set(index, rule.property());
        renamed[index] = true;
      } else {
        fields.add(new EventBinding.FieldCapture(rule.property(), index + shift, rule.path()));
        pathed[index] = true;
      }
    }
    for (int i = 0; i < own.size(); i++) {
      if (pathed[i] && !renamed[i]) {
        properties.set(i, null); // the entry said which part of this argument to send; not the whole of it
      }
    }
    List<String> aligned = new ArrayList<>();
    if (self) {
      aligned.add("");
    }
    aligned.addAll(blanks(properties));
    return new EventBinding(type.getName(), method.getName(), method.getDescriptor(), spec.eventName(),
        List.copyOf(aligned), null, false, List.copyOf(fields), self);
  }

  private static int indexOf(String source, List<ParameterDescription> theirs, List<ParameterDescription> own,
      List<String> original) {
    if (source.matches("arg\\d+")) {
      int index = Integer.parseInt(source.substring(3));
      if (index < own.size()) {
        return index;
      }
    }
    for (int i = 0; i < own.size(); i++) {
      if ((theirs.get(i).isNamed() && theirs.get(i).getName().equals(source))
          || (own.get(i).isNamed() && own.get(i).getName().equals(source))
          || (original != null && i < original.size() && source.equals(original.get(i)))) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(List<ParameterDescription> theirs, List<ParameterDescription> own) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < own.size(); i++) {
      ParameterDescription named = theirs.get(i).isNamed() ? theirs.get(i) : own.get(i);
      names.add((named.isNamed() ? named.getName() : "arg" + i) + " " + own.get(i).getType().asErasure().getSimpleName());
    }
    return names.isEmpty() ? "none" : String.join(", ", names);
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

  private static List<String> blanks(List<String> properties) {
    // List.copyOf rejects nulls; keep positions with a marker the dispatcher skips.
    List<String> copy = new ArrayList<>(properties.size());
    for (String property : properties) {
      copy.add(property == null ? "" : property);
    }
    return List.copyOf(copy);
  }

  /** The property for one argument: the declaration's annotations, then the woven method's; names likewise. */
  private static String propertyName(ParameterDescription declared, ParameterDescription own, String originalName) {
    AnnotationList theirs = declared.getDeclaredAnnotations();
    AnnotationList mine = own.getDeclaredAnnotations();
    if (annotation(theirs, NOT_TRACKED) != null || annotation(mine, NOT_TRACKED) != null) {
      return null;
    }
    for (AnnotationList annotations : List.of(theirs, mine)) {
      AnnotationDescription property = annotation(annotations, TRACKED_PROPERTY);
      if (property != null) {
        String name = stringValue(property, "value", "");
        if (!name.isEmpty()) {
          return name;
        }
      }
    }
    // Without -parameters or debug information the name would be arg0, which says nothing: skipped.
    if (declared.isNamed()) {
      return declared.getName();
    }
    return own.isNamed() ? own.getName() : originalName;
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
