package io.tracked.agent.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.sanitize.Verdict;
import org.junit.jupiter.api.Test;

/** The name rules: what the agent owns, what PostHog reserves, and the sanitizer's content names. */
class PropertyNamesTest {

  private final Sanitizer sanitizer = new Sanitizer();

  @Test
  void commonAndIdentityNamesAreReserved() {
    for (String name : PropertyNames.COMMON) {
      assertTrue(PropertyNames.reserved(name), name);
    }
    for (String name : new String[] {"distinct_id", "$ip", "$set", "$set_once", "$session_id", "$groups"}) {
      assertTrue(PropertyNames.reserved(name), name);
    }
  }

  @Test
  void viewNamesAndOrdinaryNamesAreNot() {
    for (String name : new String[] {"$current_url", "$pathname", "$screen_name", "$title", "model", "ip", "osName"}) {
      assertFalse(PropertyNames.reserved(name), name);
    }
    assertFalse(PropertyNames.reserved(null));
  }

  @Test
  void neverSentAddsTheSanitizersContentNames() {
    assertTrue(PropertyNames.neverSent("prompt"));
    assertTrue(PropertyNames.neverSent("filePath"));
    assertTrue(PropertyNames.neverSent("$ip"));
    assertFalse(PropertyNames.neverSent("model"));
  }

  @Test
  void judgeDropsReservedNamesWhateverTheValue() {
    Verdict ip = PropertyNames.judge(sanitizer, "$ip", "gpt-4o");
    assertEquals(Verdict.Action.DROP, ip.action());
    assertEquals(PropertyNames.RESERVED_REASON, ip.reason());
    assertEquals(Verdict.Action.DROP, PropertyNames.judge(sanitizer, "os", "linux").action());
  }

  @Test
  void judgeLeavesOtherNamesToTheSanitizer() {
    assertEquals(sanitizer.sanitize("model", "gpt-4o"), PropertyNames.judge(sanitizer, "model", "gpt-4o"));
    assertEquals(sanitizer.sanitize("prompt", "hello"), PropertyNames.judge(sanitizer, "prompt", "hello"));
    assertEquals(sanitizer.sanitize(null, 3), PropertyNames.judge(sanitizer, null, 3));
  }
}
