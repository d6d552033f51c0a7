package io.tracked.agent.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Writes events as JSON in PostHog's event shape, with jackson-core's generator alone (the outbox, the
 * spool and the wire all carry this text; a batch embeds it unchanged): an event only
 * ever holds what the sanitizer lets through (strings, numbers, booleans, null, lists and string-keyed
 * maps of those), so databind's object mapping is not needed on the agent's path.
 */
public final class EventJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private EventJson() {}

  /**
   * {@code {"event", "distinct_id", "properties", "timestamp", "uuid"}}, one line: the only place an
   * event is serialized. The timestamp is the call's time and the uuid the event's own, both fixed
   * when the event was built.
   */
  public static String event(Event event) {
    EventWriter writer = WRITERS.get();
    try {
      return writer.write(event);
    } catch (IOException | RuntimeException broken) {
      WRITERS.remove(); // its generator may be half-way through an object: the next event gets a fresh one
      if (broken instanceof IOException) {
        throw new UncheckedIOException((IOException) broken);
      }
      throw (RuntimeException) broken;
    }
  }

  /**
   * One generator per thread, kept over a reusable buffer: creating a generator, a
   * {@code StringWriter} (a synchronized {@code StringBuffer}) and their buffers for every event cost
   * more than writing the event. Each event is still one JSON text of its own, written once.
   */
  private static final ThreadLocal<EventWriter> WRITERS = ThreadLocal.withInitial(EventWriter::new);

  private static final class EventWriter {
    /** A buffer that grew past this for one large event is not kept for the next. */
    private static final int KEPT_CAPACITY = 16 * 1024;

    private final Chars chars = new Chars();
    private final JsonGenerator generator;
    private final IsoTimestamps timestamps = new IsoTimestamps();

    EventWriter() {
      try {
        generator = FACTORY.createGenerator(chars);
      } catch (IOException impossible) {
        throw new UncheckedIOException(impossible);
      }
      generator.setRootValueSeparator(null); // one event per text: nothing between consecutive ones
    }

    String write(Event event) throws IOException {
      generator.writeStartObject();
      generator.writeStringField("event", event.name());
      generator.writeStringField("distinct_id", event.distinctId());
      generator.writeFieldName("properties");
      value(generator, event.properties());
      generator.writeStringField("timestamp", timestamps.format(event.epochMillis()));
      generator.writeStringField("uuid", event.uuid());
      generator.writeEndObject();
      generator.flush();
      return chars.take(KEPT_CAPACITY);
    }
  }

  /** A writer into a growable char array, taken as a string and emptied after each event. */
  private static final class Chars extends Writer {
    private char[] buffer = new char[1024];
    private int length;

    @Override
    public void write(char[] source, int offset, int count) {
      if (length + count > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
      }
      System.arraycopy(source, offset, buffer, length, count);
      length += count;
    }

    String take(int keptCapacity) {
      String text = new String(buffer, 0, length);
      length = 0;
      if (buffer.length > keptCapacity) {
        buffer = new char[1024];
      }
      return text;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  public static String properties(Map<String, Object> properties) {
    return write(generator -> value(generator, properties));
  }

  /** The captured properties, then the common ones as written once for the whole run. */
  private static void eventProperties(JsonGenerator generator, EventProperties properties) throws IOException {
    generator.writeStartObject();
    boolean any = false;
    for (Map.Entry<String, Object> entry : properties.captured().entrySet()) {
      if (!properties.shadowed(entry.getKey())) {
        generator.writeFieldName(entry.getKey());
        value(generator, entry.getValue());
        any = true;
      }
    }
    String common = properties.common().members();
    if (!common.isEmpty()) {
      if (any) {
        generator.writeRaw(',');
      }
      generator.writeRaw(common);
    }
    generator.writeEndObject();
  }

  private interface Body {
    void write(JsonGenerator generator) throws IOException;
  }

  private static String write(Body body) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator generator = FACTORY.createGenerator(text)) {
      body.write(generator);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return text.toString();
  }

  /** {@code "name":value,...}: the members of the object {@link #properties} writes, without its braces. */
  static String members(Map<String, Object> properties) {
    String object = properties(properties);
    return object.substring(1, object.length() - 1);
  }

  private static void value(JsonGenerator generator, Object value) throws IOException {
    if (value instanceof EventProperties) {
      eventProperties(generator, (EventProperties) value);
    } else if (value == null) {
      generator.writeNull();
    } else if (value instanceof String) {
      generator.writeString((String) value);
    } else if (value instanceof Boolean) {
      generator.writeBoolean((Boolean) value);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      generator.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof java.math.BigInteger) {
      generator.writeNumber((java.math.BigInteger) value);
    } else if (value instanceof java.math.BigDecimal) {
      generator.writeNumber((java.math.BigDecimal) value);
    } else if (value instanceof Map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        value(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Collection) {
      generator.writeStartArray();
      for (Object element : (Collection<?>) value) {
        value(generator, element);
      }
      generator.writeEndArray();
    } else {
      // Nothing else passes the sanitizer; should it ever, its text is not trusted either.
      generator.writeNull();
    }
  }
}
