package io.tracked.agent.weaving.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.EventBinding;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/**
 * An entry reads back exactly as it was written, and any damage to it is refused as a whole: cut at
 * any length, any bit flipped, bytes appended, another format, or lengths inside it that point past
 * its end (which must never make the reader allocate what the file does not hold).
 */
class EntryCodecTest {

  private final byte[] original = Entries.bytes(300, 1);
  private final byte[] woven = Entries.bytes(420, 2);
  private final byte[] entry = EntryCodec.encode(Entries.key("com/example/Editor", original), Entries.record(woven));

  @Test
  void roundTripsEveryStepAndTheWholeKey() throws Exception {
    EntryCodec.Entry read = EntryCodec.decode(entry);
    assertTrue(read.key().sameClass(Entries.CONTEXT, "com/example/Editor", original));
    assertFalse(read.key().sameClass(Entries.CONTEXT + " ", "com/example/Editor", original));
    assertTrue(read.key().sameSupertypes(Entries.key("x", original).supertypes()));
    assertFalse(read.key().sameSupertypes(List.of(new EntryKey.Supertype("com/example/Base", new byte[] {1}),
        new EntryKey.Supertype("com/example/Missing", null))));
    assertArrayEquals(woven, read.record().woven());

    List<WeaveRecord.Step> steps = read.record().steps();
    List<WeaveRecord.Step> expected = Entries.record(woven).steps();
    assertEquals(expected.size(), steps.size());
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof WeaveRecord.Event) {
        WeaveRecord.Event was = (WeaveRecord.Event) expected.get(i);
        WeaveRecord.Event is = (WeaveRecord.Event) steps.get(i);
        assertEquals(was.methodId(), is.methodId());
        assertEquals(was.eventKey(), is.eventKey());
        EventBinding a = was.binding();
        EventBinding b = is.binding();
        assertEquals(a, b);
        assertEquals(a.fieldCaptures(), b.fieldCaptures());
        assertEquals(a.includesSelf(), b.includesSelf());
        assertEquals(a.generatedIds(), b.generatedIds());
      } else {
        assertEquals(expected.get(i), steps.get(i)); // records of strings and ints
      }
    }
  }

  @Test
  void anUnchangedClassRoundTripsWithoutWovenBytes() throws Exception {
    byte[] unchanged = EntryCodec.encode(Entries.key("a/B", original), new WeaveRecord(null, List.of()));
    EntryCodec.Entry read = EntryCodec.decode(unchanged);
    assertNull(read.record().woven());
    assertTrue(read.record().steps().isEmpty());
  }

  @Test
  void anEntryCutAtAnyLengthIsRefused() {
    for (int length = 0; length < entry.length; length++) {
      byte[] cut = Arrays.copyOf(entry, length);
      assertThrows(EntryCodec.Corrupt.class, () -> EntryCodec.decode(cut), "cut at " + length);
    }
  }

  @Test
  void anyFlippedBitIsRefused() {
    for (int at = 0; at < entry.length; at++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = entry.clone();
        flipped[at] ^= (byte) (1 << bit);
        assertThrows(EntryCodec.Corrupt.class, () -> EntryCodec.decode(flipped), "bit " + bit + " of byte " + at);
      }
    }
  }

  @Test
  void appendedBytesAreRefused() {
    byte[] longer = Arrays.copyOf(entry, entry.length + 1);
    assertThrows(EntryCodec.Corrupt.class, () -> EntryCodec.decode(longer));
  }

  @Test
  void anotherFormatWithAValidChecksumIsRefused() {
    byte[] other = entry.clone();
    other[11] = 2; // the format version, after magic and length
    assertThrows(EntryCodec.Corrupt.class, () -> EntryCodec.decode(resealed(other)));
  }

  @Test
  void lengthsPastTheEndAreRefusedWithoutAllocatingThem() {
    // The context's length field, then the class name's: each claims 2 GB.
    for (int field : new int[] {12, 16 + Entries.CONTEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8).length}) {
      byte[] lying = entry.clone();
      lying[field] = 0x7F;
      lying[field + 1] = (byte) 0xFF;
      lying[field + 2] = (byte) 0xFF;
      lying[field + 3] = (byte) 0xF0;
      EntryCodec.Corrupt refused = assertThrows(EntryCodec.Corrupt.class, () -> EntryCodec.decode(resealed(lying)));
      assertTrue(refused.getMessage().contains("out of range"), refused.getMessage());
    }
  }

  @Test
  void somethingThatIsNotAnEntryIsRefused() {
    assertThrows(EntryCodec.Corrupt.class, () -> EntryCodec.decode(Entries.bytes(5000, 3)));
    assertThrows(EntryCodec.Corrupt.class, () -> EntryCodec.decode(new byte[0]));
  }

  /** The same bytes with a checksum that matches them again: damage only the parser can find. */
  private static byte[] resealed(byte[] entry) {
    CRC32C crc = new CRC32C();
    crc.update(entry, 0, entry.length - 4);
    int value = (int) crc.getValue();
    byte[] copy = entry.clone();
    for (int i = 0; i < 4; i++) {
      copy[entry.length - 4 + i] = (byte) (value >>> (24 - 8 * i));
    }
    return copy;
  }
}
