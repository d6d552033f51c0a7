package io.tracked.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracked.agent.event.PropertyNames;
import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.sanitize.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code sanitize}: JSON lines {@code {"name": ..., "value": ...}} on stdin, one verdict line each on
 * stdout, through the very rules the agent uses ({@link PropertyNames#judge}: the name rules, then the
 * {@link Sanitizer}, called exactly as the agent's event factory calls them), so host developers can check what their arguments become. A
 * JSON object or array is judged as the map or list the agent would capture: kept parts stay, dropped
 * ones are left out ({@code "action": "redact"}, {@code "reason": "partial: path, email"}). The
 * {@code value} is absent when nothing would be sent; the {@code reason} names a class of data, never
 * the data. A malformed line gets a {@code drop} verdict and the exit status is 1.
 */
final class SanitizeCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SanitizeCommand() {}

  static int run(String[] arguments, InputStream in, PrintStream out, PrintStream err) {
    if (arguments.length > 0) {
      throw new Cli.UsageException("sanitize takes no arguments; it reads JSON lines {\"name\": ..., \"value\": ...} on stdin");
    }
    Sanitizer sanitizer = new Sanitizer();
    int malformed = 0;
    int lineNumber = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        ObjectNode result = JSON.createObjectNode();
        JsonNode input;
        try {
          input = JSON.readTree(line);
        } catch (IOException notJson) {
          input = null;
        }
        if (input == null || !input.isObject() || !input.has("value")) {
          malformed++;
          err.println("line " + lineNumber + ": expected {\"name\": \"...\", \"value\": ...}; it is reported as dropped");
          result.putNull("name");
          result.put("action", "drop");
          result.put("reason", "malformed-input");
          out.println(result);
          continue;
        }
        JsonNode name = input.get("name");
        String propertyName = name == null || name.isNull() ? null : name.asText();
        Verdict verdict = PropertyNames.judge(sanitizer, propertyName, JSON.treeToValue(input.get("value"), Object.class));
        result.put("name", propertyName);
        if (verdict.sendable()) {
          result.set("value", JSON.valueToTree(verdict.value()));
        }
        result.put("action", verdict.action().name().toLowerCase(java.util.Locale.ROOT));
        result.put("reason", verdict.reason());
        out.println(result);
      }
    } catch (IOException unreadable) {
      err.println("cannot read stdin: " + unreadable);
      return 1;
    }
    out.flush();
    return malformed == 0 ? 0 : 1;
  }
}
