package io.tracked.agent.config;

import java.util.List;

/**
 * One method named by the {@code methods} option, e.g. {@code insert(String,boolean)(-text)=inserted}
 * in {@code com.example.Editor[...]}.
 *
 * @param parameterTypes the overload's parameter types as written (simple or qualified names), or
 *     {@code null} for every overload of the name
 * @param rules what to skip, rename or read from the arguments and {@code this}
 */
public record MethodSpec(String className, String methodName, List<String> parameterTypes, String eventName,
    List<ParameterRule> rules) {

  /** Whether this entry names a method with this name and these parameter types (binary names, arrays as {@code []}). */
  public boolean matches(String name, List<String> actualTypes) {
    if (!methodName.equals(name)) {
      return false;
    }
    if (parameterTypes == null) {
      return true;
    }
    if (parameterTypes.size() != actualTypes.size()) {
      return false;
    }
    for (int i = 0; i < actualTypes.size(); i++) {
      if (!sameType(parameterTypes.get(i), actualTypes.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code String} matches {@code java.lang.String}; {@code Inner} and {@code Outer.Inner} match {@code a.Outer$Inner}. */
  static boolean sameType(String written, String actual) {
    String w = written.replace('$', '.');
    String a = actual.replace('$', '.');
    return a.equals(w) || a.endsWith("." + w);
  }

  /** As the user would write it, for messages: {@code com.example.Editor[insert(String,boolean)(-text)=inserted]}. */
  public String text() {
    StringBuilder text = new StringBuilder(className).append('[').append(signature());
    if (!rules.isEmpty()) {
      text.append('(').append(String.join(",", rules.stream().map(ParameterRule::text).toList())).append(')');
    }
    if (!eventName.equals(methodName)) {
      text.append('=').append(eventName);
    }
    return text.append(']').toString();
  }

  /** The method and, if chosen, its overload: {@code insert(String,boolean)}. */
  public String signature() {
    return methodName + (parameterTypes == null ? "" : "(" + String.join(",", parameterTypes) + ")");
  }
}
