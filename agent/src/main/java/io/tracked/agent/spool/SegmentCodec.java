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

  /** What a segment's bytes hold. */
  record Decoded(List<SpoolRecord> records, int damaged) {}

  static Decoded decode(byte[] bytes) {
    int length = bytes.length;
    List<SpoolRecord> records = new ArrayList<>();
    int damaged = 0;
    int start = 0;
    while (start < length) {
      int end = indexOf(bytes, (byte) '\n', start, length);
      if (end < 0) {
        damaged++; // a cut last record: no line break
        break;
      }
      SpoolRecord record = line(bytes, start, end);
      if (record == null) {
        damaged++;
      } else {
        records.add(record);
      }
      start = end + 1;
    }
    return new Decoded(records, damaged);
  }

  private static SpoolRecord line(byte[] bytes, int start, int end) {
    if (end - start < 11 || bytes[start + 8] != ' ') {
      return null;
    }
    int bodyStart = start + 9;
    long expected;
    try {
      expected = Long.parseLong(new String(bytes, start, 8, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException notHex) {
      return null;
    }
    if (crc(bytes, bodyStart, end - bodyStart) != expected) {
      return null;
    }
    int space = indexOf(bytes, (byte) ' ', bodyStart, end);
    if (space < 0) {
      return null;
    }
    try {
      return new SpoolRecord(new String(bytes, bodyStart, space - bodyStart, StandardCharsets.UTF_8),
          new String(bytes, space + 1, end - space - 1, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException malformed) {
      return null;
    }
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
