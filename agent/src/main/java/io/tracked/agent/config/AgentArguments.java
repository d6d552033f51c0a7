package io.tracked.agent.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits {@code -javaagent:jar=key=value,key=value} into pairs. Commas inside {@code [...]} belong
 * to the value, so {@code methods=a.B[x,y];c.D[z]} survives intact.
 */
final class AgentArguments {

  private AgentArguments() {}

  static Map<String, String> parse(String arguments, List<String> problems) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (arguments == null || arguments.isBlank()) {
      return pairs;
    }
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= arguments.length(); i++) {
      char c = i < arguments.length() ? arguments.charAt(i) : ',';
      if (c == '[') {
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        addPair(arguments.substring(start, i), pairs, problems);
        start = i + 1;
      }
    }
    return pairs;
  }

  private static void addPair(String pair, Map<String, String> pairs, List<String> problems) {
    String trimmed = pair.trim();
    if (trimmed.isEmpty()) {
      return;
    }
    int equals = trimmed.indexOf('=');
    if (equals <= 0) {
      problems.add(
          "agent argument '" + trimmed + "' ignored: expected key=value, e.g. -javaagent:tracked-agent.jar=debug=true");
      return;
    }
    String key = trimmed.substring(0, equals).trim();
    if (pairs.containsKey(key)) {
      problems.add("agent argument '" + key + "' given twice; the first value is used");
      return;
    }
    pairs.put(key, trimmed.substring(equals + 1).trim());
  }
}
