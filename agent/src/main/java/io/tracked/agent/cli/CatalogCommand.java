package io.tracked.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.event.PropertyNames;
import io.tracked.agent.weaving.BindingFactory;
import io.tracked.agent.weaving.Declarations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

/**
 * {@code catalog [--format json|markdown] [--methods SPEC] JAR_OR_DIR...}: every method the agent
 * would weave in the given class files, read with the same {@link BindingFactory} (annotations,
 * {@code methods} entries and the inheritance rule alike) and the same property-name rules as the
 * running agent, so the list is exactly what it can send. No class is loaded or run.
 */
final class CatalogCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogCommand() {}

  /** One woven method: what it can send, what is always dropped, and why it may count twice. */
  record Entry(EventBinding binding, List<String> properties, List<String> neverSent, List<String> warnings) {}

  static int run(String[] arguments, PrintStream out, PrintStream err) {
    String format = "json";
    List<String> errors = new ArrayList<>();
    MethodsOption methods = MethodsOption.none();
    List<Path> roots = new ArrayList<>();
    for (int i = 0; i < arguments.length; i++) {
      String argument = arguments[i];
      if (argument.equals("--format") && i + 1 < arguments.length) {
        format = arguments[++i];
        if (!format.equals("json") && !format.equals("markdown")) {
          throw new Cli.UsageException("catalog: --format takes json or markdown, not '" + format + "'");
        }
      } else if (argument.equals("--methods") && i + 1 < arguments.length) {
        methods = MethodsOption.parse(arguments[++i], errors);
      } else if (argument.startsWith("--")) {
        throw new Cli.UsageException("catalog: unknown option " + argument
            + ". Usage: catalog [--format json|markdown] [--methods SPEC] JAR_OR_DIR...");
      } else {
        roots.add(Paths.get(argument));
      }
    }
    if (roots.isEmpty()) {
      throw new Cli.UsageException("catalog: name at least one jar or class directory, e.g. catalog target/classes");
    }
    List<String> readErrors = new ArrayList<>();
    List<Entry> found;
    try (ClassScan scan = new ClassScan(roots, readErrors)) {
      found = entries(scan, methods, errors);
    } catch (IOException unclosable) {
      found = List.of();
    }
    errors.forEach(err::println);
    readErrors.forEach(e -> err.println("catalog: " + e));
    for (Entry entry : found) {
      entry.warnings().forEach(w -> err.println("catalog: warning: " + w));
    }
    if (format.equals("markdown")) {
      printMarkdown(found, out);
    } else {
      for (Entry entry : found) {
        ObjectNode line = JSON.createObjectNode();
        line.put("class", entry.binding().className());
        line.put("method", entry.binding().methodName());
        line.put("event", entry.binding().eventName());
        line.set("properties", JSON.valueToTree(entry.properties()));
        line.set("neverSent", JSON.valueToTree(entry.neverSent()));
        if (!entry.warnings().isEmpty()) {
          line.set("warnings", JSON.valueToTree(entry.warnings()));
        }
        out.println(line);
      }
    }
    return readErrors.isEmpty() ? 0 : 1;
  }

  /** The catalog of every class in the scan; problems with {@code methods} entries go to {@code problems}. */
  static List<Entry> entries(ClassScan scan, MethodsOption methods, List<String> problems) {
    Set<String> reported = new LinkedHashSet<>();
    BindingFactory factory = new BindingFactory(methods, reported::add);
    List<EventBinding> bindings = new ArrayList<>();
    Map<EventBinding, TypeDescription> owners = new java.util.IdentityHashMap<>();
    List<String> unreadable = new ArrayList<>();
    for (String name : scan.classNames()) {
      try {
        TypeDescription type = scan.describe(name);
        Declarations declarations = factory.declarations(type);
        for (MethodDescription method : type.getDeclaredMethods()) {
          try {
            EventBinding binding = factory.bindingFor(declarations, method);
            if (binding != null) {
              bindings.add(binding);
              owners.put(binding, type);
            }
          } catch (RuntimeException unresolvable) {
            unreadable.add(name + "#" + method.getName() + " (" + unresolvable.getMessage() + ")");
          }
        }
      } catch (RuntimeException unresolvable) {
        unreadable.add(name + " (" + unresolvable.getMessage() + ")");
      }
    }
    if (!unreadable.isEmpty()) {
      problems.add("catalog: " + unreadable.size() + " classes or methods could not be read, e.g. " + unreadable.get(0)
          + ". Fix: also name the jars they depend on (their supertypes and parameter types must resolve)");
    }
    problems.addAll(reported);
    List<Entry> entries = new ArrayList<>();
    for (EventBinding binding : bindings) {
      List<String> properties = new ArrayList<>();
      List<String> neverSent = new ArrayList<>();
      for (String property : binding.propertyNames()) {
        (PropertyNames.neverSent(property) ? neverSent : properties).add(property);
      }
      entries.add(new Entry(binding, properties, neverSent, warnings(binding, bindings, owners)));
    }
    return entries;
  }

  /** Other methods of the same class (overloads) or of its hierarchy (overrides) recording the same event. */
  private static List<String> warnings(EventBinding binding, List<EventBinding> all,
      Map<EventBinding, TypeDescription> owners) {
    List<String> warnings = new ArrayList<>();
    for (EventBinding other : all) {
      if (other == binding || !other.eventName().equals(binding.eventName())) {
        continue;
      }
      if (other.className().equals(binding.className()) && other.methodName().equals(binding.methodName())) {
        warnings.add("overload " + other.methodName() + "(" + simpleTypes(other.descriptor()) + ") also records '"
            + binding.eventName()
            + "'" + (other.propertyNames().equals(binding.propertyNames()) ? "" : " with other properties "
            + other.propertyNames()) + "; a call of one that calls the other counts once (the outer one), but"
            + " separate calls of each count twice. Fix: pick one overload by its parameter types, e.g. "
            + binding.methodName() + "(" + simpleTypes(binding.descriptor()) + ")");
      } else if (other.methodName().equals(binding.methodName()) && other.descriptor().equals(binding.descriptor())
          && related(owners.get(binding), owners.get(other))) {
        warnings.add("override in " + other.className() + " also records '" + binding.eventName() + "'; an"
            + " override that calls super counts once (the outer call)");
      }
    }
    return warnings;
  }

  /** One class extends the other (siblings implementing one interface never call each other through super). */
  private static boolean related(TypeDescription one, TypeDescription other) {
    try {
      return one != null && other != null && (one.isAssignableTo(other) || other.isAssignableTo(one));
    } catch (RuntimeException unresolvable) {
      return false;
    }
  }

  private static String simpleTypes(String descriptor) {
    List<String> names = new ArrayList<>();
    for (net.bytebuddy.jar.asm.Type type : net.bytebuddy.jar.asm.Type.getArgumentTypes(descriptor)) {
      String name = type.getClassName();
      names.add(name.substring(name.lastIndexOf('.') + 1).replace('$', '.'));
    }
    return String.join(",", names);
  }

  private static String codes(List<String> names) {
    return names.isEmpty() ? "(none)" : "`" + String.join("`, `", names) + "`";
  }

  private static void printMarkdown(List<Entry> entries, PrintStream out) {
    out.println("| Event | Properties | Captured but never sent | Recorded by |");
    out.println("|---|---|---|---|");
    Map<String, Boolean> warned = new LinkedHashMap<>();
    for (Entry entry : entries) {
      EventBinding binding = entry.binding();
      out.println("| `" + binding.eventName() + "` | " + codes(entry.properties()) + " | " + codes(entry.neverSent())
          + " | `" + binding.className() + "#" + binding.methodName() + "` |");
      if (!entry.warnings().isEmpty()) {
        warned.put(binding.eventName(), true);
      }
    }
    out.println();
    out.println("Every event also carries " + codes(PropertyNames.COMMON) + " and an anonymous random `distinct_id`. Each property"
        + " value passes the sanitizer first; values that could identify a person or hold code, prompts, paths or"
        + " secrets are dropped.");
    if (!warned.isEmpty()) {
      out.println();
      out.println("Recorded by more than one method (see the warnings on stderr): " + codes(new ArrayList<>(warned.keySet())));
    }
  }
}
