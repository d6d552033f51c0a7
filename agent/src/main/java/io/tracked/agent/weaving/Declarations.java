package io.tracked.agent.weaving;

import io.tracked.agent.config.MethodSpec;
import io.tracked.agent.config.MethodsOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.description.type.TypeList;

/**
 * The tracked declarations one class inherits: methods of its supertypes that carry
 * {@code @Tracked} or are named by the {@code methods} option, found breadth first (superclass, then
 * interfaces, one level at a time), with each supertype's type arguments applied so that
 * {@code Handler<String>.handle(T)} is seen as {@code handle(String)}. The nearest declaration of a
 * method wins; on the class itself, its own annotation, then its own entry.
 */
public final class Declarations {

  /** Where a woven method's tracking comes from: an annotation or an entry, on a method at some depth. */
  record Found(MethodDescription method, AnnotationDescription tracked, MethodSpec spec, int depth) {}

  private final TypeDescription type;
  private final MethodsOption methods;
  private final List<Found> inherited = new ArrayList<>();
  private final OriginalParameterNames originalNames;

  Declarations(TypeDescription type, MethodsOption methods, OriginalParameterNames originalNames) {
    this.type = type;
    this.methods = methods;
    this.originalNames = originalNames;
    collect();
  }

  /** Names from the class's original file when the description at hand has none (see {@link OriginalParameterNames}). */
  List<String> originalNames(MethodDescription method) {
    return originalNames == null ? null : originalNames.of(method);
  }

  TypeDescription type() {
    return type;
  }

  /** Whether any supertype declares something tracked: if not, only the class's own methods can be. */
  boolean inheritsAny() {
    return !inherited.isEmpty();
  }

  private void collect() {
    ArrayDeque<TypeDescription.Generic> queue = new ArrayDeque<>();
    ArrayDeque<Integer> depths = new ArrayDeque<>();
    Set<String> visited = new HashSet<>();
    enqueue(type, 1, queue, depths);
    while (!queue.isEmpty()) {
      TypeDescription.Generic supertype = queue.poll();
      int depth = depths.poll();
      try {
        String name = supertype.asErasure().getName();
        if (!visited.add(name) || MethodsOption.isJdk(name)) {
          continue; // the JDK carries no @Tracked, and the option refuses it
        }
        List<MethodSpec> specs = methods.specsFor(name);
        for (MethodDescription method : supertype.getDeclaredMethods()) {
          if (!method.isMethod() || method.isStatic() || method.isPrivate() || method.isBridge()) {
            continue;
          }
          AnnotationDescription tracked =
              BindingFactory.annotation(method.getDeclaredAnnotations(), BindingFactory.TRACKED);
          MethodSpec spec = tracked == null ? specFor(specs, method) : null;
          if (tracked != null || spec != null) {
            inherited.add(new Found(method, tracked, spec, depth));
          }
        }
        enqueue(supertype, depth + 1, queue, depths);
      } catch (RuntimeException unresolvable) {
        // A supertype whose class file cannot be found (catalog of one jar without its libraries):
        // nothing it declares can be known, the rest of the hierarchy still counts.
      }
    }
  }

  private static void enqueue(TypeDefinition from, int depth, ArrayDeque<TypeDescription.Generic> queue,
      ArrayDeque<Integer> depths) {
    try {
      TypeDescription.Generic superClass = from.getSuperClass();
      if (superClass != null) {
        queue.add(superClass);
        depths.add(depth);
      }
    } catch (RuntimeException unresolvable) {
      // a superclass whose class file is missing: it declares nothing we can know
    }
    TypeList.Generic interfaces = from.getInterfaces();
    for (int i = 0; i < interfaces.size(); i++) {
      try {
        queue.add(interfaces.get(i));
        depths.add(depth);
      } catch (RuntimeException unresolvable) {
        // likewise for a missing interface; the others still count
      }
    }
  }

  /** The entry naming this method, matched on its declared or its resolved parameter types. */
  static MethodSpec specFor(List<MethodSpec> specs, MethodDescription method) {
    for (MethodSpec spec : specs) {
      if (spec.matches(method.getName(), typeNames(method.asDefined().getParameters().asTypeList().asErasures()))
          || spec.matches(method.getName(), typeNames(method.getParameters().asTypeList().asErasures()))) {
        return spec;
      }
    }
    return null;
  }

  static List<String> typeNames(TypeList types) {
    List<String> names = new ArrayList<>(types.size());
    for (TypeDescription type : types) {
      names.add(type.getActualName());
    }
    return names;
  }

  /** The declaration that tracks {@code method} (declared by this class), or {@code null}. */
  Found nearest(MethodDescription method) {
    AnnotationDescription own = BindingFactory.annotation(method.getDeclaredAnnotations(), BindingFactory.TRACKED);
    if (own != null) {
      return new Found(method, own, null, 0);
    }
    MethodSpec spec = specFor(methods.specsFor(type.getName()), method);
    if (spec != null) {
      return new Found(method, null, spec, 0);
    }
    if (method.isStatic() || method.isPrivate() || method.isConstructor()) {
      return null;
    }
    TypeList erasures = method.getParameters().asTypeList().asErasures();
    Found best = null;
    for (Found candidate : inherited) {
      MethodDescription declared = candidate.method();
      if ((best == null || candidate.depth() < best.depth())
          && declared.getName().equals(method.getName())
          && declared.getParameters().size() == erasures.size()
          && (declared.getParameters().asTypeList().asErasures().equals(erasures)
              || declared.asDefined().getParameters().asTypeList().asErasures().equals(erasures))) {
        best = candidate;
      }
    }
    return best;
  }
}
