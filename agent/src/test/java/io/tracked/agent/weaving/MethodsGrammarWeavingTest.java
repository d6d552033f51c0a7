package io.tracked.agent.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.event.FieldPath;
import io.tracked.hosts.legacy.Command;
import io.tracked.hosts.legacy.Completion;
import io.tracked.hosts.legacy.Inserter;
import io.tracked.hosts.legacy.SaveCommand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole {@code methods} grammar, woven: an overload chosen by parameter types, parameters
 * renamed and skipped, fields read from an argument and from {@code this} without calling host code,
 * and an interface entry reaching implementations.
 */
class MethodsGrammarWeavingTest {

  private static final String P = "io.tracked.hosts.legacy.";

  private static MethodsOption parse(String spec) {
    List<String> problems = new ArrayList<>();
    MethodsOption methods = MethodsOption.parse(spec, problems);
    assertTrue(problems.isEmpty(), problems.toString());
    return methods;
  }

  @Test
  void overloadSelectedByTypesWithAFieldPathOfItsArgument() {
    MethodsOption methods = parse(P + "Inserter[insert(Completion,boolean)(c.kind=completionKind)=inserted]");
    try (WovenCalls woven = new WovenCalls(methods)) {
      Completion completion = new Completion("keyword", "private code");
      new Inserter("x").insert(completion);

      WovenCalls.Call call = woven.only("inserted");
      assertEquals("(L" + P.replace('.', '/') + "Completion;Z)V", call.binding().descriptor());
      assertEquals(List.of("", "replace"), call.binding().argumentProperties(), "c itself is not sent whole");
      assertEquals(List.of("replace", "completionKind"), call.binding().propertyNames());
      EventBinding.FieldCapture kind = call.binding().fieldCaptures().get(0);
      assertEquals("keyword", kind.read(call.arguments()), "read from the field, not the throwing getter");
      assertEquals(1, woven.calls.size(), woven.calls.toString());
    }
  }

  @Test
  void everyOverloadWhenNoTypesAreGivenStillOneEventPerCall() {
    try (WovenCalls woven = new WovenCalls(parse(P + "Inserter[insert=inserted]"))) {
      new Inserter("x").insert(new Completion("k", "r"));
      assertEquals(1, woven.calls.size(), "the delegating overload is not counted again: " + woven.calls);
    }
  }

  @Test
  void renameSkipAndThisFields() {
    MethodsOption methods = parse(P + "Inserter[setStyle(styleKey=language),send(-prompt),"
        + "actionPerformed(this.action=action,-event)]");
    try (WovenCalls woven = new WovenCalls(methods)) {
      Inserter inserter = new Inserter("format-document");
      inserter.setStyle("java");
      inserter.send("my secret prompt", "gpt-4o");
      inserter.actionPerformed(new Object());

      assertEquals(List.of("language"), woven.only("setStyle").binding().argumentProperties());
      assertEquals(List.of("", "model"), woven.only("send").binding().argumentProperties());
      WovenCalls.Call action = woven.only("actionPerformed");
      assertTrue(action.binding().includesSelf());
      assertEquals(List.of("", ""), action.binding().argumentProperties());
      assertSame(inserter, action.arguments()[0]);
      assertEquals("format-document", action.binding().fieldCaptures().get(0).read(action.arguments()));
    }
  }

  @Test
  void interfaceEntryReachesImplementations() {
    try (WovenCalls woven = new WovenCalls(parse(P + "Command[execute=command_run]"))) {
      Command command = new SaveCommand();
      command.execute("save-all");
      WovenCalls.Call call = woven.only("command_run");
      assertEquals(P + "SaveCommand", call.binding().className());
      assertEquals(List.of("name"), call.binding().argumentProperties());
    }
  }

  @Test
  void aRuleNamingNoParameterLeavesTheMethodAloneRatherThanSendingIt() {
    try (WovenCalls woven = new WovenCalls(parse(P + "Inserter[send(-promt)]"))) {
      new Inserter("x").send("secret prompt", "gpt-4o");
      assertTrue(woven.calls.isEmpty(), woven.calls.toString());
    }
  }

  @Test
  void thisOnAStaticMethodIsRefused() {
    try (WovenCalls woven = new WovenCalls(parse(P + "Inserter[utility(this.action=a)]"))) {
      Inserter.utility("v");
      assertTrue(woven.calls.isEmpty(), woven.calls.toString());
    }
  }

  @Test
  void fieldPathOfNullOrMissingField() {
    assertNull(FieldPath.read(null, List.of("kind")));
    assertSame(FieldPath.UNREADABLE, FieldPath.read(new Completion("k", "r"), List.of("missing")));
    assertSame(FieldPath.UNREADABLE, FieldPath.read("a JDK string", List.of("value")), "JDK internals are not read");
  }
}
