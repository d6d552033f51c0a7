package io.tracked.agent.weaving;

import io.tracked.agent.config.MethodSpec;
import io.tracked.agent.config.MethodsOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Says why a {@code methods} entry names nothing in its class, with the fix: no such method, no such
 * overload, or a method the class only inherits (from the JDK, which is never woven, or from a
 * superclass to name instead). Run when the named class is loaded, and by {@code status --methods}.
 */
public final class EntryCheck {

  private EntryCheck() {}

  /** Why the entry matches no method of {@code type}, or {@code null} when it matches one. */
  public static String problem(TypeDescription type, MethodSpec spec) {
    List<String> overloads = new ArrayList<>();
    for (MethodDescription method : type.getDeclaredMethods()) {
      if (!method.isMethod() || method.isBridge()) {
        continue;
      }
      if (spec.matches(method.getName(), Declarations.typeNames(method.getParameters().asTypeList().asErasures()))) {
        return null;
      }
      if (method.getName().equals(spec.methodName())) {
        overloads.add(signature(method));
      }
    }
    String entry = "methods entry " + spec.text() + " never fires: ";
    if (!overloads.isEmpty()) {
      return entry + type.getName() + " has no overload " + spec.signature() + ". Fix: pick one of "
          + String.join(", ", overloads) + ", or leave out the types to track every overload";
    }
    for (TypeDefinition parent = superClassOf(type); parent != null; parent = superClassOf(parent)) {
      for (MethodDescription method : parent.getDeclaredMethods()) {
        if (method.isMethod() && !method.isPrivate() && spec.matches(method.getName(),
            Declarations.typeNames(method.asDefined().getParameters().asTypeList().asErasures()))) {
          String owner = parent.asErasure().getName();
          if (MethodsOption.isJdk(owner)) {
            return entry + type.getName() + " inherits " + spec.methodName() + " from " + owner + ", a JDK class"
                + " the agent never changes. Fix: override " + spec.methodName() + " in " + type.getName()
                + " (calling super), or track your method that calls it";
          }
          return entry + spec.methodName() + " is declared in " + owner + ", not in " + type.getName() + ". Fix:"
              + " name " + owner + "[" + spec.signature() + "] (it then applies to every subclass)";
        }
      }
    }
    Set<String> names = new TreeSet<>();
    for (MethodDescription method : type.getDeclaredMethods()) {
      if (method.isMethod() && !method.isBridge() && !method.isSynthetic()) {
        names.add(method.getName());
      }
    }
    return entry + type.getName() + " has no method " + spec.methodName() + ". Fix: check the spelling; it declares "
        + (names.isEmpty() ? "no methods" : String.join(", ", names));
  }

  private static TypeDefinition superClassOf(TypeDefinition type) {
    TypeDescription.Generic parent = type.getSuperClass();
    return parent == null ? null : parent.asErasure();
  }

  private static String signature(MethodDescription method) {
    List<String> types = new ArrayList<>();
    for (TypeDescription type : method.getParameters().asTypeList().asErasures()) {
      types.add(type.getSimpleName());
    }
    return method.getName() + "(" + String.join(",", types) + ")";
  }
}
