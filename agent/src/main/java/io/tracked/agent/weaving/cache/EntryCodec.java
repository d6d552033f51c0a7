package io.tracked.agent.weaving.cache;

import io.tracked.agent.event.EventBinding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * One cache entry as bytes: a magic number and format version, the total length, the
 * {@link EntryKey}, the {@link WeaveRecord}, and a CRC32C of everything before it. A file that was
 * cut, has a flipped bit, or was written by another format is refused as a whole
 * ({@link Corrupt}): the JVM would reject damaged woven bytes with a {@code VerifyError}, or worse,
 * accept wrong ones.
 */
public final class EntryCodec {

  static final int MAGIC = 0x54574331; // "TWC1"
  static final int FORMAT = 1;
  private static final int HEADER = 8; // magic, total length
  private static final int TRAILER = 4; // CRC32C

  private static final byte EVENT = 1;
  private static final byte SWITCH = 2;
  private static final byte PROBLEM = 3;
  private static final byte DEBUG = 4;
  private static final byte CONFIGURED = 5;

  /** A decoded entry. */
  public record Entry(EntryKey key, WeaveRecord record) {}

  /** Why an entry's bytes cannot be used; the message never quotes the content. */
  public static final class Corrupt extends Exception {
    private static final long serialVersionUID = 1L;

    Corrupt(String why) {
      super(why, null, false, false);
    }
  }

  private EntryCodec() {}

  public static byte[] encode(EntryKey key, WeaveRecord record) {
    try {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(
          256 + key.original().length * 2 + (record.woven() == null ? 0 : record.woven().length));
      DataOutputStream out = new DataOutputStream(buffer);
      out.writeInt(MAGIC);
      out.writeInt(0); // the total length, filled in below
      out.writeInt(FORMAT);
      string(out, key.context());
      string(out, key.className());
      bytes(out, key.original());
      out.writeInt(key.supertypes().size());
      for (EntryKey.Supertype supertype : key.supertypes()) {
        string(out, supertype.name());
        bytes(out, supertype.bytes());
      }
      bytes(out, record.woven());
      out.writeInt(record.steps().size());
      for (WeaveRecord.Step step : record.steps()) {
        step(out, step);
      }
      out.flush();
      byte[] content = buffer.toByteArray();
      byte[] entry = java.util.Arrays.copyOf(content, content.length + TRAILER);
      putInt(entry, 4, entry.length);
      putInt(entry, content.length, crc(entry, content.length));
      return entry;
    } catch (IOException impossible) {
      throw new IllegalStateException(impossible); // in memory
    }
  }

  private static void step(DataOutputStream out, WeaveRecord.Step step) throws IOException {
    if (step instanceof WeaveRecord.Event) {
      WeaveRecord.Event event = (WeaveRecord.Event) step;
      out.writeByte(EVENT);
      out.writeInt(event.methodId());
      out.writeInt(event.eventKey());
      binding(out, event.binding());
    } else if (step instanceof WeaveRecord.Switch) {
      WeaveRecord.Switch sw = (WeaveRecord.Switch) step;
      out.writeByte(SWITCH);
      out.writeInt(sw.switchId());
      string(out, sw.method());
    } else if (step instanceof WeaveRecord.Problem) {
      WeaveRecord.Problem problem = (WeaveRecord.Problem) step;
      out.writeByte(PROBLEM);
      string(out, problem.key());
      string(out, problem.message());
    } else if (step instanceof WeaveRecord.Debug) {
      out.writeByte(DEBUG);
      string(out, ((WeaveRecord.Debug) step).line());
    } else if (step instanceof WeaveRecord.Configured) {
      out.writeByte(CONFIGURED);
      string(out, ((WeaveRecord.Configured) step).className());
    } else {
      throw new IllegalArgumentException("unknown step " + step.getClass().getName());
    }
  }

  private static void binding(DataOutputStream out, EventBinding binding) throws IOException {
    string(out, binding.className());
    string(out, binding.methodName());
    string(out, binding.descriptor());
    string(out, binding.eventName());
    strings(out, binding.argumentProperties());
    string(out, binding.returnProperty());
    out.writeBoolean(binding.onException());
    out.writeInt(binding.fieldCaptures().size());
    for (EventBinding.FieldCapture field : binding.fieldCaptures()) {
      string(out, field.property());
      out.writeInt(field.slot());
      strings(out, field.path());
    }
    out.writeBoolean(binding.includesSelf());
    List<String> ids = new ArrayList<>(binding.generatedIds());
    java.util.Collections.sort(ids); // the same binding always encodes the same way
    strings(out, ids);
  }

  /**
   * The entry in {@code data}, after checking its length and checksum; {@link Corrupt} when either is
   * wrong or its content does not parse.
   */
  public static Entry decode(byte[] data) throws Corrupt {
    if (data.length < HEADER + TRAILER + 4) {
      throw new Corrupt("too short to be an entry");
    }
    if (getInt(data, 0) != MAGIC) {
      throw new Corrupt("not a weave-cache entry");
    }
    if (getInt(data, 4) != data.length) {
      throw new Corrupt("cut or extended: its length is not the one it was written with");
    }
    int end = data.length - TRAILER;
    if (crc(data, end) != getInt(data, end)) {
      throw new Corrupt("its checksum does not match its content");
    }
    try {
      Reader in = new Reader(data, HEADER, end);
      if (in.readInt() != FORMAT) {
        throw new Corrupt("written in another format");
      }
      String context = in.string();
      String className = in.string();
      byte[] original = in.bytes();
      int supertypeCount = in.count();
      List<EntryKey.Supertype> supertypes = new ArrayList<>(supertypeCount);
      for (int i = 0; i < supertypeCount; i++) {
        supertypes.add(new EntryKey.Supertype(in.string(), in.bytes()));
      }
      byte[] woven = in.bytes();
      int stepCount = in.count();
      List<WeaveRecord.Step> steps = new ArrayList<>(stepCount);
      for (int i = 0; i < stepCount; i++) {
        steps.add(in.step());
      }
      if (in.remaining() != 0) {
        throw new Corrupt("it has bytes after its content");
      }
      if (context == null || className == null || original == null) {
        throw new Corrupt("its key is incomplete");
      }
      return new Entry(new EntryKey(context, className, original, supertypes), new WeaveRecord(woven, steps));
    } catch (IOException | RuntimeException malformed) {
      throw new Corrupt("its content does not parse (" + malformed.getClass().getSimpleName() + ")");
    }
  }

  /** Reads what {@link #encode} wrote, refusing any length beyond what is left. */
  private static final class Reader {
    private final DataInputStream in;
    private final ByteArrayInputStream source;

    Reader(byte[] data, int from, int to) {
      source = new ByteArrayInputStream(data, from, to - from);
      in = new DataInputStream(source);
    }

    int remaining() {
      return source.available();
    }

    int readInt() throws IOException {
      return in.readInt();
    }

    /** A count of items that take at least one byte each: never more than the bytes left. */
    int count() throws IOException, Corrupt {
      int count = in.readInt();
      if (count < 0 || count > remaining()) {
        throw new Corrupt("a count is out of range");
      }
      return count;
    }

    byte[] bytes() throws IOException, Corrupt {
      int length = in.readInt();
      if (length == -1) {
        return null;
      }
      if (length < 0 || length > remaining()) {
        throw new Corrupt("a length is out of range");
      }
      byte[] bytes = new byte[length];
      in.readFully(bytes);
      return bytes;
    }

    String string() throws IOException, Corrupt {
      byte[] bytes = bytes();
      return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    List<String> strings() throws IOException, Corrupt {
      int count = count();
      List<String> strings = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String value = string();
        if (value == null) {
          throw new Corrupt("a list holds no value");
        }
        strings.add(value);
      }
      return List.copyOf(strings);
    }

    WeaveRecord.Step step() throws IOException, Corrupt {
      byte tag = in.readByte();
      switch (tag) {
        case EVENT: {
          int methodId = in.readInt();
          int eventKey = in.readInt();
          return new WeaveRecord.Event(binding(), methodId, eventKey);
        }
        case SWITCH: {
          int id = in.readInt();
          return new WeaveRecord.Switch(required(string()), id);
        }
        case PROBLEM:
          return new WeaveRecord.Problem(required(string()), required(string()));
        case DEBUG:
          return new WeaveRecord.Debug(required(string()));
        case CONFIGURED:
          return new WeaveRecord.Configured(required(string()));
        default:
          throw new Corrupt("an unknown step");
      }
    }

    EventBinding binding() throws IOException, Corrupt {
      String className = required(string());
      String methodName = required(string());
      String descriptor = required(string());
      String eventName = required(string());
      List<String> arguments = strings();
      String returnProperty = string();
      boolean onException = in.readBoolean();
      int fieldCount = count();
      List<EventBinding.FieldCapture> fields = new ArrayList<>(fieldCount);
      for (int i = 0; i < fieldCount; i++) {
        fields.add(new EventBinding.FieldCapture(required(string()), in.readInt(), strings()));
      }
      boolean includesSelf = in.readBoolean();
      Set<String> generatedIds = new HashSet<>(strings());
      return new EventBinding(className, methodName, descriptor, eventName, arguments, returnProperty, onException,
          List.copyOf(fields), includesSelf, generatedIds);
    }

    private static String required(String value) throws Corrupt {
      if (value == null) {
        throw new Corrupt("a required value is missing");
      }
      return value;
    }
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  private static void strings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String value : values) {
      string(out, value);
    }
  }

  private static void bytes(DataOutputStream out, byte[] value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(value.length);
    out.write(value);
  }

  private static int crc(byte[] data, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, 0, length);
    return (int) crc.getValue();
  }

  static int getInt(byte[] data, int at) {
    return ((data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8)
        | (data[at + 3] & 0xFF);
  }

  private static void putInt(byte[] data, int at, int value) {
    data[at] = (byte) (value >>> 24);
    data[at + 1] = (byte) (value >>> 16);
    data[at + 2] = (byte) (value >>> 8);
    data[at + 3] = (byte) value;
  }
}
