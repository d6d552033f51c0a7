package io.tracked.agent.cli;

import io.tracked.agent.config.MethodSpec;
import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.weaving.EntryCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status --methods SPEC JAR_OR_DIR...}: for each {@code methods} entry, whether it fires in
 * the given classes and what it sends, or why it never can (malformed, refused, no such class,
 * method or overload, inherited from elsewhere, a rule naming no parameter). The same checks the
 * agent reports at run time, available before the application ever runs.
 */
final class MethodsCheck {

  private MethodsCheck() {}

  /** Prints the report; returns how many entries can never fire. */
  static int print(String spec, List<Path> roots, PrintStream out) {
    List<String> problems = new ArrayList<>();
    MethodsOption methods = MethodsOption.parse(spec, problems);
    int failing = problems.size();
    out.println("methods:");
    for (String problem : problems) {
      out.println("  never fires: " + problem);
    }
    List<String> readErrors = new ArrayList<>();
    try (ClassScan scan = new ClassScan(roots, readErrors)) {
      List<String> bindingProblems = new ArrayList<>();
      List<CatalogCommand.Entry> catalog = CatalogCommand.entries(scan, methods, bindingProblems);
      for (MethodSpec entry : methods.specs()) {
        String problem = problem(scan, entry);
        List<String> fired = new ArrayList<>();
        for (CatalogCommand.Entry woven : catalog) {
          if (woven.binding().eventName().equals(entry.eventName())
              && woven.binding().methodName().equals(entry.methodName())) {
            fired.add(woven.binding().className() + "#" + woven.binding().methodName() + " sends " + woven.properties()
                + (woven.neverSent().isEmpty() ? "" : ", never " + woven.neverSent()));
          }
        }
        if (problem != null || fired.isEmpty()) {
          failing++;
          out.println("  never fires: " + (problem != null ? problem : "methods entry " + entry.text()
              + " matches only abstract methods with no implementation in the given classes"));
        } else {
          out.println("  fires: " + entry.text() + " -> " + String.join("; ", fired));
        }
      }
      for (String problem : bindingProblems) {
        out.println("  problem: " + problem);
      }
    } catch (IOException unclosable) {
      // nothing left to report
    }
    for (String error : readErrors) {
      out.println("  problem: " + error);
    }
    return failing;
  }

  private static String problem(ClassScan scan, MethodSpec entry) {
    if (!scan.contains(entry.className())) {
      return "methods entry " + entry.text() + " never fires: " + entry.className() + " is not in the given jars or"
          + " directories. Fix: check the name (binary name, e.g. com.example.Outer$Inner), or name the jar that has it";
    }
    try {
      return EntryCheck.problem(scan.describe(entry.className()), entry);
    } catch (RuntimeException unresolvable) {
      return "methods entry " + entry.text() + " cannot be checked: " + unresolvable.getMessage();
    }
  }
}
