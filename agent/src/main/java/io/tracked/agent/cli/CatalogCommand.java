package io.tracked.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.event.PropertyNames;
import io.tracked.agent.weaving.BindingFactory;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * {@code catalog [--format json|markdown] [--methods SPEC] JAR_OR_DIR...}: every tracked method in
 * the given class files, read with the same {@link BindingFactory} the agent weaves with, so the
 * list is exactly what the agent would record. No class is loaded or run.
 */
final class CatalogCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogCommand() {}

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
    for (String error : errors) {
      err.println(error);
    }
    if (roots.isEmpty()) {
      throw new Cli.UsageException("catalog: name at least one jar or class directory, e.g. catalog target/classes");
    }
    List<EventBinding> found = new ArrayList<>();
    int status = 0;
    BindingFactory factory = new BindingFactory(methods);
    for (Path root : roots) {
      try {
        found.addAll(scan(root, factory));
      } catch (IOException | RuntimeException unreadable) {
        err.println("catalog: cannot read " + root + " (" + unreadable.getMessage() + "); name a jar file or a directory of classes");
        status = 1;
      }
    }
    if (format.equals("markdown")) {
      printMarkdown(found, out);
    } else {
      for (EventBinding binding : found) {
        ObjectNode line = JSON.createObjectNode();
        line.put("class", binding.className());
        line.put("method", binding.methodName());
        line.put("event", binding.eventName());
        line.set("properties", JSON.valueToTree(binding.propertyNames()));
        line.set("neverSent", JSON.valueToTree(neverSent(binding)));
        out.println(line);
      }
    }
    return status;
  }

  private static List<EventBinding> scan(Path root, BindingFactory factory) throws IOException {
    List<String> classNames = new ArrayList<>();
    ClassFileLocator locator;
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(p -> p.toString().endsWith(".class")).forEach(p -> classNames.add(className(root.relativize(p).toString())));
      }
      locator = new ClassFileLocator.ForFolder(root.toFile());
    } else if (Files.isRegularFile(root)) {
      try (JarFile jar = new JarFile(root.toFile())) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
            classNames.add(className(name));
          }
        }
      }
      locator = ClassFileLocator.ForJarFile.of(root.toFile());
    } else {
      throw new IOException("no such file or directory");
    }
    List<EventBinding> bindings = new ArrayList<>();
    try {
      TypePool pool = TypePool.Default.of(new ClassFileLocator.Compound(
          locator, new EmbeddedApiLocator(), ClassFileLocator.ForClassLoader.ofSystemLoader()));
      classNames.sort(null);
      for (String name : classNames) {
        if (name.endsWith("module-info") || name.endsWith("package-info")) {
          continue;
        }
        TypeDescription type = pool.describe(name).resolve();
        for (MethodDescription method : type.getDeclaredMethods()) {
          EventBinding binding = factory.bindingFor(type, method);
          if (binding != null) {
            bindings.add(binding);
          }
        }
      }
    } finally {
      locator.close();
    }
    return bindings;
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace(File.separatorChar, '.');
  }

  /** Declared properties whose name alone keeps every value from leaving ({@link PropertyNames#neverSent}). */
  private static List<String> neverSent(EventBinding binding) {
    List<String> names = new ArrayList<>();
    for (String name : binding.propertyNames()) {
      if (PropertyNames.neverSent(name)) {
        names.add(name);
      }
    }
    return names;
  }

  private static String codes(List<String> names) {
    return names.isEmpty() ? "(none)" : "`" + String.join("`, `", names) + "`";
  }

  private static void printMarkdown(List<EventBinding> bindings, PrintStream out) {
    out.println("| Event | Properties | Captured but never sent | Recorded by |");
    out.println("|---|---|---|---|");
    for (EventBinding binding : bindings) {
      List<String> neverSent = neverSent(binding);
      List<String> properties = new ArrayList<>(binding.propertyNames());
      properties.removeAll(neverSent);
      out.println("| `" + binding.eventName() + "` | " + codes(properties) + " | " + codes(neverSent) + " | `"
          + binding.className() + "#" + binding.methodName() + "` |");
    }
    out.println();
    out.println("Every event also carries " + codes(PropertyNames.COMMON) + " and an anonymous"
        + " random `distinct_id`. Each property value passes the sanitizer first; values that could identify a person"
        + " or hold code, prompts, paths or secrets are dropped.");
  }
}
