package io.tracked.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The grown {@code methods} grammar: overloads by types, rules, field paths, and refusals with their fix. */
class MethodsGrammarParsingTest {

  private final List<String> problems = new ArrayList<>();

  private MethodSpec only(String value) {
    List<MethodSpec> specs = MethodsOption.parse(value, problems).specs();
    assertTrue(problems.isEmpty(), problems.toString());
    assertEquals(1, specs.size(), specs.toString());
    return specs.get(0);
  }

  @Test
  void overloadByParameterTypes() {
    MethodSpec spec = only("com.example.Inserter[insert(String,boolean)=inserted]");
    assertEquals(List.of("String", "boolean"), spec.parameterTypes());
    assertEquals("inserted", spec.eventName());
    assertTrue(spec.matches("insert", List.of("java.lang.String", "boolean")));
    assertFalse(spec.matches("insert", List.of("java.lang.String")));
    assertFalse(spec.matches("insert", List.of("java.lang.Object", "boolean")));
  }

  @Test
  void emptyParenthesesSelectTheNoArgumentOverloadAndNoneSelectEvery() {
    assertEquals(List.of(), only("a.B[run()]").parameterTypes());
    assertNull(only("a.B[run]").parameterTypes());
    assertTrue(only("a.B[run]").matches("run", List.of("int")));
  }

  @Test
  void qualifiedNestedArrayAndVarargTypes() {
    MethodSpec spec = only("a.B[m(java.util.List,Outer.Inner,int[],String...)]");
    assertTrue(spec.matches("m", List.of("java.util.List", "x.Outer$Inner", "int[]", "java.lang.String[]")));
  }

  @Test
  void renameSkipAndFieldRules() {
    MethodSpec spec = only("a.Action[run(styleKey=language,-prompt,c.kind.name=kind,this.name=action)]");
    assertNull(spec.parameterTypes(), "rules alone keep every overload");
    assertEquals(List.of(
        new ParameterRule("styleKey", List.of(), "language"),
        new ParameterRule("prompt", List.of(), null),
        new ParameterRule("c", List.of("kind", "name"), "kind"),
        new ParameterRule("this", List.of("name"), "action")), spec.rules());
    assertTrue(spec.rules().get(3).fromThis());
    assertTrue(spec.rules().get(1).skip());
  }

  @Test
  void typesThenRules() {
    MethodSpec spec = only("a.B[insert(String,boolean)(arg0=text,-arg1)=inserted]");
    assertEquals(List.of("String", "boolean"), spec.parameterTypes());
    assertEquals(2, spec.rules().size());
    assertEquals("a.B[insert(String,boolean)(arg0=text,-arg1)=inserted]", spec.text());
  }

  @Test
  void severalMembersWithParenthesesAreSplitCorrectly() {
    List<MethodSpec> specs = MethodsOption.parse("a.B[x(int,int)=one,y(-p,q=r),z]", problems).specs();
    assertTrue(problems.isEmpty(), problems.toString());
    assertEquals(List.of("x", "y", "z"), specs.stream().map(MethodSpec::methodName).toList());
  }

  @Test
  void jdkClassesAndConstructorsAreRefusedWithAReason() {
    MethodsOption methods = MethodsOption.parse(
        "javax.swing.JTextArea[setText];a.B[<init>];java.lang.Thread[run];a.B[fine]", problems);
    assertEquals(List.of("fine"), methods.specs().stream().map(MethodSpec::methodName).toList());
    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("javax.swing.JTextArea is a JDK class") && problems.get(0).contains("Fix:"));
    assertTrue(problems.get(1).contains("constructors are not tracked") && problems.get(1).contains("Fix:"));
  }

  @Test
  void malformedRulesNameTheirFix() {
    List<String> bad = List.of(
        "a.B[m(-p=q)]", "a.B[m(this=x)]", "a.B[m(p=x,q=x)]", "a.B[m(a b=c)]",
        "a.B[m(p=x)(q=y)]", "a.B[m(p=x)(String)]", "a.B[m(Str ing)]");
    for (String value : bad) {
      problems.clear();
      MethodsOption methods = MethodsOption.parse(value, problems);
      assertTrue(methods.specs().isEmpty(), value + " was accepted");
      assertEquals(1, problems.size(), value + ": " + problems);
      assertTrue(problems.get(0).contains("Fix:") || problems.get(0).contains("e.g."), problems.get(0));
      assertFalse(problems.get(0).contains("\n"), problems.get(0));
    }
  }
}
