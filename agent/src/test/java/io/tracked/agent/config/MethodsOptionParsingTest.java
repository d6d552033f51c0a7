package io.tracked.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The methods option: Class[method,method=event];Class[...], with malformed entries reported and skipped. */
class MethodsOptionParsingTest {

  @Test
  void parsesTheContractExample() {
    List<String> problems = new ArrayList<>();
    MethodsOption methods = MethodsOption.parse("com.example.Editor[accept,reject];com.example.Chat[send=chat]",
        problems);

    assertTrue(problems.isEmpty(), problems.toString());
    assertFalse(methods.isEmpty());
    assertEquals("accept", methods.eventFor("com.example.Editor", "accept"));
    assertEquals("reject", methods.eventFor("com.example.Editor", "reject"));
    assertEquals("chat", methods.eventFor("com.example.Chat", "send"));
    assertNull(methods.eventFor("com.example.Chat", "receive"));
    assertNull(methods.eventFor("com.example.Other", "send"));
    assertEquals(Map.of("accept", "accept", "reject", "reject"), methods.eventsByClass().get("com.example.Editor"));
  }

  @Test
  void toleratesSpacesNestedClassesAndTrailingSeparators() {
    List<String> problems = new ArrayList<>();
    MethodsOption methods = MethodsOption.parse(" com.example.Outer$Inner [ open , close = closed ] ; ", problems);

    assertTrue(problems.isEmpty(), problems.toString());
    assertEquals("open", methods.eventFor("com.example.Outer$Inner", "open"));
    assertEquals("closed", methods.eventFor("com.example.Outer$Inner", "close"));
  }

  @Test
  void emptyOrNullMeansNone() {
    List<String> problems = new ArrayList<>();
    assertTrue(MethodsOption.parse(null, problems).isEmpty());
    assertTrue(MethodsOption.parse("  ", problems).isEmpty());
    assertTrue(MethodsOption.none().isEmpty());
    assertTrue(problems.isEmpty());
  }

  @Test
  void malformedEntriesAreReportedAndTheRestKept() {
    List<String> problems = new ArrayList<>();
    MethodsOption methods = MethodsOption.parse(
        "com.example.NoBrackets;com.example.Open[accept;[orphan];com.example.Good[ok]", problems);

    assertEquals("ok", methods.eventFor("com.example.Good", "ok"));
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("com.example.NoBrackets"), problems.get(0));
    for (String problem : problems) {
      assertTrue(problem.contains("expected com.example.Class[method1,method2=eventName]"), problem);
      assertFalse(problem.contains("\n"), problem);
    }
  }

  @Test
  void malformedMethodIsReportedWithItsClass() {
    List<String> problems = new ArrayList<>();
    MethodsOption methods = MethodsOption.parse("com.example.Editor[acc ept,reject=,fine]", problems);

    assertEquals("fine", methods.eventFor("com.example.Editor", "fine"));
    assertNull(methods.eventFor("com.example.Editor", "reject"));
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("acc ept") && problems.get(0).contains("com.example.Editor"), problems.get(0));
    assertTrue(problems.get(1).contains("reject="), problems.get(1));
  }
}
