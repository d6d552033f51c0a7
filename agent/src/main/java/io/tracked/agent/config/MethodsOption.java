package io.tracked.agent.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code methods} option: methods to track without an annotation. Grammar (README, "Track
 * methods you cannot annotate"):
 *
 * <pre>
 * methods := entry (';' entry)*
 * entry   := ClassName '[' member (',' member)* ']'
 * member  := method ['(' types ')'] ['(' rules ')'] ['=' event]
 * types   := empty, or Type (',' Type)*            e.g. insert(String,boolean)
 * rules   := rule (',' rule)*                      e.g. send(-prompt), setStyle(styleKey=language)
 * rule    := '-' param | param ['.' field]* '=' property | 'this' ('.' field)+ '=' property
 * param   := a parameter name, or argN (N from 0) when the class has no parameter names
 * </pre>
 *
 * A group of parentheses holds either types or rules; with one group, the rules alone mean every
 * overload. Entries are checked here for what can be known without the classes; whatever is wrong is
 * reported with its fix and left out, and the rest still applies.
 */
public final class MethodsOption {

  private static final String EXPECTED = "expected com.example.Class[method1,method2=eventName]";
  private static final String[] JDK_PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

  /**
   * The grammar's patterns, compiled on first use: only a {@code methods} option that is set pays for
   * regular expressions, and it pays on the host's start, so most hosts never load them at all.
   */
  private static final class Grammar {
    static final Pattern ENTRY = Pattern.compile("\\s*([\\w.$]+)\\s*\\[(.*)]\\s*");
    static final Pattern MEMBER = Pattern
        .compile("\\s*([\\w$<>]+)\\s*((?:\\([^()]*\\)\\s*){0,2})(?:=\\s*([^=\\s()]+)\\s*)?");
    static final Pattern GROUP = Pattern.compile("\\(([^()]*)\\)");
    static final Pattern TYPE = Pattern.compile("[\\w$.]+(\\[])*(\\.\\.\\.)?");
    static final Pattern RULE = Pattern.compile("(-)?\\s*([\\w$]+)((?:\\.[\\w$]+)*)\\s*(?:=\\s*([^=\\s]+))?");

    private Grammar() {}
  }

  private final Map<String, List<MethodSpec>> specsByClass;

  private MethodsOption(Map<String, List<MethodSpec>> specsByClass) {
    this.specsByClass = specsByClass;
  }

  public static MethodsOption none() {
    return new MethodsOption(Collections.emptyMap());
  }

  public static MethodsOption parse(String value, List<String> problems) {
    Map<String, List<MethodSpec>> result = new LinkedHashMap<>();
    if (value == null || value.isBlank()) {
      return new MethodsOption(result);
    }
    for (String entry : value.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      Matcher matcher = Grammar.ENTRY.matcher(entry);
      if (!matcher.matches()) {
        problems.add("methods entry '" + entry.trim() + "' ignored: " + EXPECTED);
        continue;
      }
      String className = matcher.group(1);
      if (isJdk(className)) {
        problems.add("methods entry '" + entry.trim() + "' refused: " + className + " is a JDK class, and the agent"
            + " never changes the JDK. Fix: name your own class that overrides or calls that method");
        continue;
      }
      for (String member : splitTopLevel(matcher.group(2))) {
        if (member.isBlank()) {
          continue;
        }
        MethodSpec spec = member(className, member.trim(), problems);
        if (spec != null) {
          result.computeIfAbsent(className, k -> new ArrayList<>()).add(spec);
        }
      }
    }
    return new MethodsOption(result);
  }

  private static MethodSpec member(String className, String member, List<String> problems) {
    Matcher m = Grammar.MEMBER.matcher(member);
    if (!m.matches()) {
      problems.add("methods entry '" + member + "' in " + className + " ignored: expected a method name, optionally"
          + " followed by (ParamType,...), (rule,...) and =eventName, e.g. insert(String,boolean)=inserted"
          + " or send(-prompt)");
      return null;
    }
    String name = m.group(1);
    if (name.startsWith("<") || name.equals(simpleName(className))) {
      problems.add("methods entry '" + member + "' in " + className + " refused: constructors are not tracked (an"
          + " object still being built is not read). Fix: name a method that runs once the object exists");
      return null;
    }
    if (name.contains("<") || name.contains(">")) {
      problems.add("methods entry '" + member + "' in " + className + " ignored: '" + name + "' is not a method name");
      return null;
    }
    List<String> types = null;
    List<ParameterRule> rules = List.of();
    Matcher groups = Grammar.GROUP.matcher(m.group(2));
    while (groups.find()) {
      List<String> items = splitTopLevel(groups.group(1));
      boolean blank = items.size() == 1 && items.get(0).isBlank();
      boolean ruleGroup = !blank && items.stream().anyMatch(i -> i.contains("=") || i.trim().startsWith("-"));
      if (ruleGroup) {
        if (!rules.isEmpty()) {
          problems.add("methods entry '" + member + "' in " + className + " ignored: only one (rule,...) group is"
              + " allowed. Fix: put every rule in one group, e.g. send(-prompt,model=modelName)");
          return null;
        }
        rules = rules(className, member, items, problems);
        if (rules == null) {
          return null;
        }
      } else {
        if (types != null || !rules.isEmpty()) {
          problems.add("methods entry '" + member + "' in " + className + " ignored: write the parameter types first"
              + " and the rules second, e.g. insert(String,boolean)(-text)");
          return null;
        }
        types = types(className, member, blank ? List.of() : items, problems);
        if (types == null) {
          return null;
        }
      }
    }
    String event = m.group(3) == null ? name : m.group(3);
    return new MethodSpec(className, name, types, event, rules);
  }

  private static List<String> types(String className, String member, List<String> items, List<String> problems) {
    List<String> types = new ArrayList<>();
    for (String item : items) {
      String type = item.trim();
      if (!Grammar.TYPE.matcher(type).matches()) {
        problems.add("methods entry '" + member + "' in " + className + " ignored: '" + type + "' is neither a"
            + " parameter type nor a rule. Fix: types as in insert(String,boolean), rules as in send(-prompt) or"
            + " setStyle(styleKey=language)");
        return null;
      }
      types.add(type.endsWith("...") ? type.substring(0, type.length() - 3) + "[]" : type);
    }
    return List.copyOf(types);
  }

  private static List<ParameterRule> rules(String className, String member, List<String> items, List<String> problems) {
    List<ParameterRule> rules = new ArrayList<>();
    Set<String> properties = new HashSet<>();
    for (String item : items) {
      Matcher r = Grammar.RULE.matcher(item.trim());
      String problem = null;
      if (!r.matches()) {
        problem = "'" + item.trim() + "' is not a rule";
      } else if (r.group(1) != null && (r.group(4) != null || !r.group(3).isEmpty())) {
        problem = "'" + item.trim() + "' skips and names at once";
      } else if (r.group(1) == null && r.group(4) == null) {
        problem = "'" + item.trim() + "' names no property";
      } else if (r.group(2).equals(ParameterRule.THIS) && r.group(3).isEmpty()) {
        problem = "'" + item.trim() + "' would send the whole object; name a field of it, e.g. this.name=action";
      } else if (r.group(4) != null && !properties.add(r.group(4))) {
        problem = "the property '" + r.group(4) + "' is named twice";
      }
      if (problem != null) {
        problems.add("methods entry '" + member + "' in " + className + " ignored: " + problem + ". Fix: write -param"
            + " to skip, param=property to rename, param.field=property or this.field=property to take a field");
        return null;
      }
      List<String> path = r.group(3).isEmpty() ? List.of() : List.of(r.group(3).substring(1).split("\\."));
      rules.add(new ParameterRule(r.group(2), path, r.group(1) != null ? null : r.group(4)));
    }
    return List.copyOf(rules);
  }

  /** Splits on commas that are not inside parentheses. */
  private static List<String> splitTopLevel(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static String simpleName(String className) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple.substring(simple.lastIndexOf('$') + 1);
  }

  /** Whether the class belongs to the JDK, which the agent never weaves. */
  public static boolean isJdk(String className) {
    for (String prefix : JDK_PREFIXES) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return specsByClass.isEmpty();
  }

  /** The entries for one class (empty when none). */
  public List<MethodSpec> specsFor(String className) {
    List<MethodSpec> specs = specsByClass.get(className);
    return specs == null ? List.of() : Collections.unmodifiableList(specs);
  }

  /** Every entry, in the order given. */
  public List<MethodSpec> specs() {
    List<MethodSpec> all = new ArrayList<>();
    specsByClass.values().forEach(all::addAll);
    return all;
  }

  public Set<String> classNames() {
    return Collections.unmodifiableSet(specsByClass.keySet());
  }

  /** Each named class with its methods' event names (first entry of a name wins). */
  public Map<String, Map<String, String>> eventsByClass() {
    Map<String, Map<String, String>> events = new LinkedHashMap<>();
    specsByClass.forEach((type, specs) -> {
      Map<String, String> methods = new LinkedHashMap<>();
      specs.forEach(s -> methods.putIfAbsent(s.methodName(), s.eventName()));
      events.put(type, Collections.unmodifiableMap(methods));
    });
    return Collections.unmodifiableMap(events);
  }

  /** Internal names (a/b/C) of the named classes, as class-file transformers see them. */
  public Set<String> internalNames() {
    Set<String> names = new HashSet<>();
    for (String name : specsByClass.keySet()) {
      names.add(name.replace('.', '/'));
    }
    return names;
  }

  /** The event name for the method, or {@code null} when the option does not name it. */
  public String eventFor(String className, String methodName) {
    for (MethodSpec spec : specsFor(className)) {
      if (spec.methodName().equals(methodName)) {
        return spec.eventName();
      }
    }
    return null;
  }
}
