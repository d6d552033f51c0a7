package io.tracked.agent.event;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Event uuids (version 4, RFC 9562), made fast: {@link java.util.UUID#randomUUID()} asks a shared,
 * synchronized {@link SecureRandom} for 16 bytes per event (about a microsecond, and a lock the host's
 * own code may hold). An event's uuid must be unique, so PostHog can tell a replayed batch from new
 * events; it need not be unpredictable (it names an event, it protects nothing). So one generator per
 * instance, xoroshiro128++ (128 bits of state, period 2^128 - 1), is seeded once from
 * {@link SecureRandom}: two processes start at unrelated points of a sequence far too long to overlap.
 * Thread-safe (a lock that only the agent's thread takes in practice).
 */
public final class EventIds {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private long s0;
  private long s1;

  public EventIds() {
    this(seed());
  }

  /**
   * The seed, from the operating system's entropy pool where it has one: creating a {@link SecureRandom}
   * loads and initializes the JDK's security providers (about 60 classes, tens of ms of CPU in a host's
   * first second); sixteen bytes of {@code /dev/urandom} cost one file read.
   */
  private static Random seed() {
    File pool = new File("/dev/urandom");
    if (pool.exists()) {
      byte[] bytes = new byte[16];
      try (FileInputStream in = new FileInputStream(pool)) {
        if (in.readNBytes(bytes, 0, 16) == 16) {
          return new FixedSeed(bytes);
        }
      } catch (IOException | RuntimeException unreadable) {
        // fall through to the JDK's own source
      }
    }
    return new SecureRandom();
  }

  /** Hands out the sixteen bytes read from the pool as two longs. */
  private static final class FixedSeed extends Random {
    private static final long serialVersionUID = 1L;
    private final long[] longs = new long[2];
    private int next;

    FixedSeed(byte[] bytes) {
      super(0);
      for (int i = 0; i < 16; i++) {
        longs[i / 8] = (longs[i / 8] << 8) | (bytes[i] & 0xFF);
      }
    }

    @Override
    public long nextLong() {
      return next < longs.length ? longs[next++] : super.nextLong();
    }
  }

  EventIds(Random seed) {
    do {
      s0 = seed.nextLong();
      s1 = seed.nextLong();
    } while ((s0 | s1) == 0); // the one state the generator never leaves
  }

  /** A new random (version 4) uuid in its 36-character text form. */
  public String next() {
    long high;
    long low;
    synchronized (this) {
      high = nextLong();
      low = nextLong();
    }
    high = (high & ~0xF000L) | 0x4000L; // version 4
    low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10
    char[] text = new char[36];
    hex(high >>> 32, text, 0, 8);
    text[8] = '-';
    hex(high >>> 16, text, 9, 4);
    text[13] = '-';
    hex(high, text, 14, 4);
    text[18] = '-';
    hex(low >>> 48, text, 19, 4);
    text[23] = '-';
    hex(low, text, 24, 12);
    return new String(text);
  }

  /** The low {@code digits} hex digits of {@code value}, into {@code text} at {@code at}. */
  private static void hex(long value, char[] text, int at, int digits) {
    for (int i = at + digits - 1; i >= at; i--) {
      text[i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }

  /** xoroshiro128++ (Blackman and Vigna, 2019). */
  private long nextLong() {
    long a = s0;
    long b = s1;
    long result = Long.rotateLeft(a + b, 17) + a;
    b ^= a;
    s0 = Long.rotateLeft(a, 49) ^ b ^ (b << 21);
    s1 = Long.rotateLeft(b, 28);
    return result;
  }
}
