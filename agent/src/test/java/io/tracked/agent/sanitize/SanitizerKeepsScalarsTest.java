package io.tracked.agent.sanitize;

import static io.tracked.agent.sanitize.Verdicts.assertDropped;
import static io.tracked.agent.sanitize.Verdicts.assertKept;
import static io.tracked.agent.sanitize.Verdicts.assertKeptUnchanged;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Numbers, booleans, null and enums (by name) are what analytics needs and say nothing about a person. */
class SanitizerKeepsScalarsTest {

  enum Outcome {
    ACCEPTED,
    REJECTED {
      @Override
      public String toString() {
        return "rejected by /home/alice";
      }
    }
  }

  @Test
  void numbersAreKept() {
    assertKeptUnchanged("time", 1234);
    assertKeptUnchanged("time", 1234L);
    assertKeptUnchanged("count", (short) 3);
    assertKeptUnchanged("count", (byte) 3);
    assertKeptUnchanged("ratio", 0.25d);
    assertKeptUnchanged("ratio", 0.25f);
    assertKeptUnchanged("big", new BigInteger("123456789012345678901234567890"));
    assertKeptUnchanged("big", new BigDecimal("1.5"));
    assertKeptUnchanged("negative", -7);
  }

  @Test
  void booleansAreKept() {
    assertKeptUnchanged("accepted", true);
    assertKeptUnchanged("accepted", false);
  }

  @Test
  void nullIsKeptAsNull() {
    assertNull(assertKept("model", null).value());
  }

  @Test
  void enumsAreKeptByNameNeverByToString() {
    assertEquals("ACCEPTED", assertKept("outcome", Outcome.ACCEPTED).value());
    assertEquals("REJECTED", assertKept("outcome", Outcome.REJECTED).value(),
        "toString may say anything; the constant's name is what is sent");
    assertEquals("SECONDS", assertKept("unit", TimeUnit.SECONDS).value());
  }

  @Test
  void countsOfContentAreKeptButContentNamesDropEvenScalars() {
    // promptTokens is a count of tokens, not a prompt; "text" or "pin" announce content whatever they hold.
    assertKeptUnchanged("promptTokens", 512);
    assertKeptUnchanged("textLength", 42);
    assertDropped("text", true, "content-parameter");
    assertDropped("pin", 1234, "content-parameter");
    assertDropped("password", 123456L, "content-parameter");
  }

  @Test
  void numbersThatAreCardNumbersAreDropped() {
    assertDropped("amount", 4111111111111111L, "card-number");
    assertKeptUnchanged("time", 1717245296000L);
    assertKeptUnchanged("id", 4111111111111112L); // fails the Luhn check: a number
  }

  @Test
  void jdkNumberHoldersAreReadButHostNumberSubclassesAreNot() {
    assertEquals(3, assertKept("count", new java.util.concurrent.atomic.AtomicInteger(3)).value());
    assertEquals(7L, assertKept("count", new java.util.concurrent.atomic.AtomicLong(7)).value());
    assertDropped("count", new Number() {
      @Override
      public int intValue() { throw new IllegalStateException("host code"); }
      @Override
      public long longValue() { throw new IllegalStateException("host code"); }
      @Override
      public float floatValue() { throw new IllegalStateException("host code"); }
      @Override
      public double doubleValue() { throw new IllegalStateException("host code"); }
    }, "unsupported-type");
  }

  @Test
  void characterIsJudgedAsAString() {
    assertEquals("x", assertKept("key2", 'x').value());
  }
}
