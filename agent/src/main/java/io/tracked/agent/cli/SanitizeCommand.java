package io.tracked.agent.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.tracked.agent.event.PropertyNames;
import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.sanitize.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sanitize}: JSON lines {@code {"name": ..., "value": ...}} on stdin, one verdict line each on
 * stdout, through the very rules the agent uses ({@link PropertyNames#judge}: the name rules, then the
 * {@link Sanitizer}, called exactly as the agent's event factory calls them), so host developers can check what their arguments become. A
 * JSON object or array is judged as the map or list the agent would capture: kept parts stay, dropped
 * ones are left out ({@code "action": "redact"}, {@code "reason": "partial: path, email"}). The
 * {@code value} is absent when nothing would be sent; the {@code reason} names a class of data, never
 * the data. A malformed line gets a {@code drop} verdict and the exit status is 1.
 *
 * <p>Reads and writes with jackson-core's streaming API only: the agent jar carries no databind.
 */
final class SanitizeCommand {

  private static final JsonFactory JSON = new JsonFactory();

  private SanitizeCommand() {}

  static int run(String[] arguments, InputStream in, PrintStream out, PrintStream err) {
    if (arguments.length > 0) {
      throw new Cli.UsageException(
          "sanitize takes no arguments; it reads JSON lines {\"name\": ..., \"value\": ...} on stdin");
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
        Map<String, Object> input = readObject(line);
        if (input == null || !input.containsKey("value")) {
          malformed++;
          err.println(
              "line " + lineNumber + ": expected {\"name\": \"...\", \"value\": ...}; it is reported as dropped");
          out.println(verdictLine(null, null, false, "drop", "malformed-input"));
          continue;
        }
        Object name = input.get("name");
        String propertyName = name == null ? null : name instanceof String ? (String) name : json(name);
        Verdict verdict = PropertyNames.judge(sanitizer, propertyName, input.get("value"),
            generatedId(input.get("generatedId")));
        out.println(verdictLine(propertyName, verdict.value(), verdict.sendable(),
            verdict.action().name().toLowerCase(Locale.ROOT), verdict.reason()));
      }
    } catch (IOException unreadable) {
      err.println("cannot read stdin: " + unreadable);
      return 1;
    }
    out.flush();
    return malformed == 0 ? 0 : 1;
  }

  /** The line's JSON object as maps, lists, strings, numbers, booleans and nulls; null if it is not one. */
  static Map<String, Object> readObject(String line) {
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) readValue(parser);
      return object;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static Object readValue(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          object.put(key, readValue(parser));
        }
        return object;
      }
      case START_ARRAY: {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser));
        }
        return array;
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return parser.getNumberValue(); // Integer, Long, BigInteger or Double: what the agent captures
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonProcessingException("unexpected " + token) {};
    }
  }

  /** The input's {@code generatedId} flag: true or "true" sets it; anything else, or none, does not. */
  private static boolean generatedId(Object flag) {
    return Boolean.TRUE.equals(flag) || "true".equals(flag);
  }

  private static String verdictLine(String name, Object value, boolean withValue, String action, String reason) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.writeStartObject();
      out.writeStringField("name", name);
      if (withValue) {
        out.writeFieldName("value");
        write(out, value);
      }
      out.writeStringField("action", action);
      out.writeStringField("reason", reason);
      out.writeEndObject();
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static String json(Object value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      write(out, value);
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible);
    }
    return text.toString();
  }

  private static void write(JsonGenerator out, Object value) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof String) {
      out.writeString((String) value);
    } else if (value instanceof Boolean) {
      out.writeBoolean((Boolean) value);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      out.writeNumber(((Number) value).longValue());
    } else if (value instanceof java.math.BigInteger) {
      out.writeNumber((java.math.BigInteger) value);
    } else if (value instanceof java.math.BigDecimal) {
      out.writeNumber((java.math.BigDecimal) value);
    } else if (value instanceof Number) {
      out.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Map) {
      out.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        out.writeFieldName(String.valueOf(entry.getKey()));
        write(out, entry.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof Iterable) {
      out.writeStartArray();
      for (Object item : (Iterable<?>) value) {
        write(out, item);
      }
      out.writeEndArray();
    } else if (value instanceof Object[]) {
      out.writeStartArray();
      for (Object item : (Object[]) value) {
        write(out, item);
      }
      out.writeEndArray();
    } else if (value instanceof Enum) {
      out.writeString(((Enum<?>) value).name());
    } else {
      out.writeString(value.toString());
    }
  }
}
