package io.tracked.agent.weaving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracked.agent.config.MethodsOption;
import io.tracked.hosts.inherit.BasePlugin;
import io.tracked.hosts.inherit.ConcretePlugin;
import io.tracked.hosts.inherit.Handler;
import io.tracked.hosts.inherit.Overloads;
import io.tracked.hosts.inherit.Plugin;
import io.tracked.hosts.inherit.TextHandler;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inheritance rule: {@code @Tracked} on an interface or abstract method applies to every
 * implementation, on a concrete method to every override; one call of the host is one event, even
 * through {@code super}, bridges and delegating overloads.
 */
class InheritanceWeavingTest {

  private WovenCalls woven;

  @BeforeEach
  void weave() {
    woven = new WovenCalls(MethodsOption.none());
  }

  @AfterEach
  void unweave() {
    woven.close();
  }

  @Test
  void interfaceAnnotationReachesImplementationsAndSuperCallsCountOnce() {
    Plugin plugin = new ConcretePlugin();
    plugin.run("/edit", "private text");

    WovenCalls.Call call = woven.only("plugin_ran");
    assertEquals(ConcretePlugin.class.getName(), call.binding().className());
    assertEquals(List.of("command", ""), call.binding().argumentProperties(), "@NotTracked on the interface holds");
    assertArrayEquals(new Object[] {"/edit", "private text"}, call.arguments());
    assertEquals(1, ((BasePlugin) plugin).ran);
  }

  @Test
  void abstractAndConcreteAnnotationsReachOverrides() {
    ConcretePlugin plugin = new ConcretePlugin();
    plugin.configure("dark");
    plugin.save("md");

    assertEquals(List.of("setting"), woven.only("configured").binding().argumentProperties());
    WovenCalls.Call saved = woven.only("saved");
    assertEquals(ConcretePlugin.class.getName(), saved.binding().className(), "the outermost call is the one reported");
    assertEquals(2, woven.calls.size(), woven.calls.toString());
  }

  @Test
  void genericInterfaceThroughItsBridgeIsOneEvent() {
    @SuppressWarnings("unchecked")
    Handler<Object> raw = (Handler<Object>) (Handler<?>) new TextHandler();
    raw.handle("via the bridge");
    new TextHandler().handle("direct");

    List<WovenCalls.Call> handled = woven.calls.stream().filter(c -> c.binding().eventName().equals("handled")).toList();
    assertEquals(2, handled.size(), woven.calls.toString());
    assertEquals("(Ljava/lang/String;)V", handled.get(0).binding().descriptor());
    assertEquals(List.of("value"), handled.get(0).binding().argumentProperties());
  }

  @Test
  void delegatingOverloadsCountOnceAndOtherEventsStillCount() {
    new Overloads().insert("x");
    new Overloads().insert("y", true);

    List<WovenCalls.Call> inserted = woven.calls.stream().filter(c -> c.binding().eventName().equals("inserted")).toList();
    assertEquals(2, inserted.size(), woven.calls.toString());
    assertEquals(List.of("text"), inserted.get(0).binding().argumentProperties(), "the outer overload is reported");
    assertEquals(List.of("text", "replace"), inserted.get(1).binding().argumentProperties());
    assertEquals(2, woven.calls.stream().filter(c -> c.binding().eventName().equals("formatted")).count(),
        "a different event nested inside still counts");
  }
}
