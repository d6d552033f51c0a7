package io.tracked.agent.config;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code methods} option: methods to track without an annotation, written
 * {@code com.example.Editor[accept,reject];com.example.Chat[send=chat]}. Maps each class name to its
 * methods, and each method to its event name (the method name unless {@code method=event}).
 */
public final class MethodsOption {

  private static final Pattern ENTRY = Pattern.compile("\\s*([\\w.$]+)\\s*\\[([^\\]]*)]\\s*");
  private static final Pattern METHOD = Pattern.compile("\\s*([\\w$<>]+)\\s*(?:=\\s*([^=\\s]+)\\s*)?");

  private final Map<String, Map<String, String>> eventsByClass;

  private MethodsOption(Map<String, Map<String, String>> eventsByClass) {
    this.eventsByClass = eventsByClass;
  }

  public static MethodsOption none() {
    return new MethodsOption(Collections.emptyMap());
  }

  public static MethodsOption parse(String value, List<String> problems) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    if (value == null || value.isBlank()) {
      return new MethodsOption(result);
    }
    for (String entry : value.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      Matcher matcher = ENTRY.matcher(entry);
      if (!matcher.matches()) {
        problems.add("methods entry '" + entry.trim() + "' ignored: expected com.example.Class[method1,method2=eventName]");
        continue;
      }
      Map<String, String> methods = result.computeIfAbsent(matcher.group(1), k -> new LinkedHashMap<>());
      for (String method : matcher.group(2).split(",")) {
        if (method.isBlank()) {
          continue;
        }
        Matcher m = METHOD.matcher(method);
        if (!m.matches()) {
          problems.add("methods entry '" + method.trim() + "' in " + matcher.group(1)
              + " ignored: expected a method name, optionally followed by =eventName");
          continue;
        }
        methods.put(m.group(1), m.group(2) == null ? m.group(1) : m.group(2));
      }
    }
    return new MethodsOption(result);
  }

  public boolean isEmpty() {
    return eventsByClass.isEmpty();
  }

  public Map<String, Map<String, String>> eventsByClass() {
    return Collections.unmodifiableMap(eventsByClass);
  }

  /** Internal names (a/b/C) of the named classes, as class-file transformers see them. */
  public Set<String> internalNames() {
    Set<String> names = new HashSet<>();
    for (String name : eventsByClass.keySet()) {
      names.add(name.replace('.', '/'));
    }
    return names;
  }

  /** The event name for the method, or {@code null} when the option does not name it. */
  public String eventFor(String className, String methodName) {
    Map<String, String> methods = eventsByClass.get(className);
    return methods == null ? null : methods.get(methodName);
  }
}
