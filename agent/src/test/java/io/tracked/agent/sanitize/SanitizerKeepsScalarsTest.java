package io.tracked.agent.sanitize;

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
  void scalarsAreKeptEvenUnderAContentName() {
    // A count or flag says nothing of the content, whatever the parameter is called.
    assertKeptUnchanged("promptTokens", 512);
    assertKeptUnchanged("text", true);
  }

  @Test
  void characterIsJudgedAsAString() {
    assertEquals("x", assertKept("key2", 'x').value());
  }
}
