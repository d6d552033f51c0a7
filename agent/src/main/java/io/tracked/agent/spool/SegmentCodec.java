package io.tracked.agent.spool;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The bytes of a segment: one record per line, {@code CRC UUID JSON\n}, where CRC is the CRC-32 of
 * {@code UUID JSON} in 8 lower-case hex digits. A line without its final line break (a write cut by
 * a crash or a full disk) or whose checksum does not match is damaged: it is skipped and counted,
 * and can never be read as part of another record, because each line is checked on its own.
 */
final class SegmentCodec {

  private SegmentCodec() {}

  /** One encoded record. */
  static byte[] encode(SpoolRecord record) {
    byte[] body = (record.uuid() + ' ' + record.json()).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 10);
    out.writeBytes(hex8(crc(body, 0, body.length)).getBytes(StandardCharsets.US_ASCII));
    out.write(' ');
    out.writeBytes(body);
    out.write('\n');
    return out.toByteArray();
  }

  /**
   * What a segment's bytes hold: the valid records (checked, but only turned into strings when
   * asked for, since a claim often takes a few records of a long segment) and the damaged lines.
   */
  static final class Decoded {
    private final byte[] bytes;
    private final int[] starts;
    private final int[] ends;
    private final int valid;
    private final int damaged;

    private Decoded(byte[] bytes, int[] starts, int[] ends, int valid, int damaged) {
      this.bytes = bytes;
      this.starts = starts;
      this.ends = ends;
      this.valid = valid;
      this.damaged = damaged;
    }

    int valid() {
      return valid;
    }

    int damaged() {
      return damaged;
    }

    /** Valid records {@code from} (inclusive) to {@code to} (exclusive), in file order. */
    List<SpoolRecord> records(int from, int to) {
      List<SpoolRecord> records = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        int space = indexOf(bytes, (byte) ' ', starts[i], ends[i]);
        records.add(new SpoolRecord(new String(bytes, starts[i], space - starts[i], StandardCharsets.UTF_8),
            new String(bytes, space + 1, ends[i] - space - 1, StandardCharsets.UTF_8)));
      }
      return records;
    }

    List<SpoolRecord> records() {
      return records(0, valid);
    }
  }

  static Decoded decode(byte[] bytes) {
    int length = bytes.length;
    int lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    int[] starts = new int[lines];
    int[] ends = new int[lines];
    int valid = 0;
    int damaged = 0;
    int start = 0;
    while (start < length) {
      int end = indexOf(bytes, (byte) '\n', start, length);
      if (end < 0) {
        damaged++; // a cut last record: no line break
        break;
      }
      if (isRecord(bytes, start, end)) {
        starts[valid] = start + 9;
        ends[valid] = end;
        valid++;
      } else {
        damaged++;
      }
      start = end + 1;
    }
    return new Decoded(bytes, starts, ends, valid, damaged);
  }

  /** Checksum, framing and the uuid's characters: what {@link SpoolRecord} would accept. */
  private static boolean isRecord(byte[] bytes, int start, int end) {
    if (end - start < 11 || bytes[start + 8] != ' ') {
      return false;
    }
    int bodyStart = start + 9;
    long expected = 0;
    for (int i = start; i < start + 8; i++) {
      int digit = Character.digit(bytes[i], 16);
      if (digit < 0) {
        return false;
      }
      expected = expected << 4 | digit;
    }
    if (crc(bytes, bodyStart, end - bodyStart) != expected) {
      return false;
    }
    int space = indexOf(bytes, (byte) ' ', bodyStart, end);
    if (space <= bodyStart || space - bodyStart > SpoolRecord.MAX_UUID_LENGTH) {
      return false;
    }
    for (int i = bodyStart; i < space; i++) {
      byte c = bytes[i];
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    for (int i = space + 1; i < end; i++) {
      if (bytes[i] == '\r') {
        return false;
      }
    }
    return true;
  }

  private static long crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return crc.getValue();
  }

  private static String hex8(long value) {
    String hex = Long.toHexString(value);
    return "00000000".substring(hex.length()) + hex;
  }

  private static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
