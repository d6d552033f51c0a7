package io.tracked.agent.weaving;

import io.tracked.agent.event.EventBinding;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.MethodsOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up weaver reports each call as the annotations declare, exactly as the Byte Buddy advice
 * does, keeps every method shape working (the JVM verifies the rewritten classes), and never lets the
 * agent reach the host. Host classes are woven from their class files and defined in a fresh loader.
 */
class LeanWeaverTest {

  record Call(EventBinding binding, Object[] arguments, Object returned, Throwable thrown) {}

  private final MethodBindings bindings = new MethodBindings();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Object[]> switches = new CopyOnWriteArrayList<>();
  private final List<String> declared = new CopyOnWriteArrayList<>();
  private volatile RuntimeException failWith;
  private volatile boolean room = true;

  @BeforeEach
  void install() {
    TrackedBridge.install(new TrackedBridge.Sink() {
      @Override
      public boolean hasRoom() {
        return room;
      }

      @Override
      public void onCall(int methodId, Object[] arguments, Object returned, Throwable thrown) {
        if (failWith != null) {
          throw failWith;
        }
        calls.add(new Call(bindings.get(methodId), arguments, returned, thrown));
      }

      @Override
      public void onSwitch(int switchId, Object value) {
        switches.add(new Object[] {bindings.switchMethod(switchId), value});
      }
    });
    TrackedBridge.setCapturing(true);
  }

  @AfterEach
  void uninstall() {
    TrackedBridge.setCapturing(false);
    TrackedBridge.install(null);
  }

  @Test
  void annotatedMethodsReportArgumentsReturnsAndThrows() throws Throwable {
    Object host = woven("io.tracked.hosts.AnnotatedHost", MethodsOption.none());
    assertEquals("gpt7", call(host, "pick", "gpt", 7, "secret text"));
    assertEquals(1L, call(host, "measure", true));
    call(host, "plainName");
    assertThrows(IllegalStateException.class, () -> call(host, "throwsQuietly"));
    assertThrows(IllegalArgumentException.class, () -> call(host, "throwsLoudly", "openai"));
    assertEquals(3, call(host, "notTracked", 3));

    Call picked = only("picked");
    assertEquals(List.of("modelName", "count", ""), picked.binding().argumentProperties());
    assertArrayEquals(new Object[] {"gpt", 7, "secret text"}, picked.arguments());
    assertEquals(1L, only("measured").returned());
    assertNull(only("plainName").returned());
    assertInstanceOf(IllegalArgumentException.class, only("loud_on_throw").thrown());
    assertTrue(calls.stream().noneMatch(c -> c.binding().eventName().equals("quiet_on_throw")), calls.toString());
    assertEquals(4, calls.size(), calls.toString());
  }

  @Test
  void everyMethodShapeStillWorksAndReports() throws Throwable {
    Object host = woven("io.tracked.hosts.ShapesHost", MethodsOption.none());
    Class<?> type = host.getClass();
    Method wide = type.getMethod("staticWide", long.class, double.class, float.class, char.class, byte.class, short.class);
    assertEquals(2 * 1.5 + 0.5f + 'a' + 1 + 2, (double) wide.invoke(null, 2L, 1.5, 0.5f, 'a', (byte) 1, (short) 2));
    assertArrayEquals(new Object[] {2L, 1.5, 0.5f, 'a', (byte) 1, (short) 2}, only("static_wide").arguments());

    Method branches = type.getMethod("branches", int.class, String[].class, List.class);
    assertEquals("negative", branches.invoke(host, -1, new String[] {"a"}, List.of()));
    assertEquals("a3", branches.invoke(host, 5, new String[] {"a"}, List.of()));
    assertEquals("end2", branches.invoke(host, 2, new String[] {"a"}, List.of("x", "y")));
    assertEquals(List.of("negative", "a3", "end2"),
        calls.stream().filter(c -> c.binding().eventName().equals("branches")).map(Call::returned).toList());

    assertEquals(12, call(host, "ownCatch", "12"));
    assertEquals(-1, call(host, "ownCatch", "twelve"));
    assertEquals(2, calls.stream().filter(c -> c.binding().eventName().equals("own_catch") && c.thrown() == null).count(),
        "a host's own catch is not a throw");

    UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class,
        () -> call(host, "alwaysThrows", 42L));
    assertEquals("code 42", thrown.getMessage());
    assertEquals(thrown, only("always_throws").thrown());

    assertEquals(3L, call(host, "locked", true));
    call(host, "voidLoop", 100);
    call(host, "voidLoop", 3);
    assertEquals(2, calls.stream().filter(c -> c.binding().eventName().equals("void_loop")).count());

    call(host, "setEnabled", false);
    assertEquals(1, only("switch_and_event").arguments().length);
    assertEquals(1, switches.size());
    assertEquals("io.tracked.hosts.ShapesHost#setEnabled", switches.get(0)[0]);
    assertEquals(false, switches.get(0)[1]);
    assertEquals(List.of("io.tracked.hosts.ShapesHost#setEnabled"), declared);
  }

  @Test
  void switchesReportWhateverConsentIs() throws Throwable {
    Object host = woven("io.tracked.hosts.SwitchHost", MethodsOption.none());
    TrackedBridge.setCapturing(false);
    call(host, "setTelemetryEnabled", false);
    assertEquals(false, call(host, "telemetryEnabled"));
    assertEquals("level 2", call(host, "wrongShape", 2));
    assertEquals(2, switches.size());
    assertEquals(false, switches.get(1)[1]);
    assertEquals(List.of("io.tracked.hosts.SwitchHost#telemetryEnabled", "io.tracked.hosts.SwitchHost#setTelemetryEnabled"),
        declared.stream().sorted((a, b) -> a.contains("set") ? 1 : -1).toList());
  }

  @Test
  void methodsOptionTracksMethodsWithoutAnnotation() throws Throwable {
    List<String> problems = new java.util.ArrayList<>();
    MethodsOption methods = MethodsOption.parse("io.tracked.hosts.LegacyHost[accept,send=chat]", problems);
    assertEquals(List.of(), problems);
    Object host = woven("io.tracked.hosts.LegacyHost", methods);
    call(host, "accept", "gpt-4o");
    assertEquals(3, call(host, "send", "gpt-4o", 3));
    call(host, "untouched");

    assertArrayEquals(new Object[] {"gpt-4o"}, only("accept").arguments());
    assertEquals(3, only("chat").returned());
    assertEquals(2, calls.size(), calls.toString());
  }

  @Test
  void nothingIsBuiltWhileCaptureIsOffOrTheAgentHasNoRoom() throws Throwable {
    Object host = woven("io.tracked.hosts.AnnotatedHost", MethodsOption.none());
    TrackedBridge.setCapturing(false);
    call(host, "pick", "gpt", 1, "x");
    TrackedBridge.setCapturing(true);
    room = false;
    call(host, "pick", "gpt", 1, "x");
    assertThrows(IllegalArgumentException.class, () -> call(host, "throwsLoudly", "openai"));
    assertTrue(calls.isEmpty(), calls.toString());
  }

  @Test
  void aFailingAgentNeverReachesTheHost() throws Throwable {
    Object host = woven("io.tracked.hosts.AnnotatedHost", MethodsOption.none());
    failWith = new IllegalStateException("agent bug");
    assertEquals("gpt1", call(host, "pick", "gpt", 1, "x"));
    assertEquals(2L, call(host, "measure", false));
    assertThrows(IllegalArgumentException.class, () -> call(host, "throwsLoudly", "openai"));
  }

  @Test
  void aClassWithoutTrackedMethodsIsLeftUnchanged() throws IOException {
    LeanWeaver weaver = new LeanWeaver(bindings, MethodsOption.none(), declared::add);
    assertNull(weaver.transform(getClass().getClassLoader(), "io/tracked/hosts/LegacyHost", null, null,
        bytesOf("io.tracked.hosts.LegacyHost")));
  }

  private Object woven(String className, MethodsOption methods) throws Exception {
    LeanWeaver weaver = new LeanWeaver(bindings, methods, declared::add);
    byte[] original = bytesOf(className);
    byte[] rewritten = weaver.transform(getClass().getClassLoader(), className.replace('.', '/'), null, null, original);
    assertNotNull(rewritten, className + " was not woven");
    ClassLoader parent = getClass().getClassLoader();
    ClassLoader loader = new ClassLoader(parent) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
          if (name.equals(className)) {
            Class<?> done = findLoadedClass(name);
            return done != null ? done : defineClass(name, rewritten, 0, rewritten.length);
          }
          return super.loadClass(name, resolve);
        }
      }
    };
    Class<?> type = Class.forName(className, true, loader);
    return type.getDeclaredConstructor().newInstance();
  }

  private static byte[] bytesOf(String className) throws IOException {
    try (InputStream in = LeanWeaverTest.class.getClassLoader().getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  private static Object call(Object host, String name, Object... arguments) throws Throwable {
    for (Method method : host.getClass().getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
        try {
          return method.invoke(host, arguments);
        } catch (InvocationTargetException thrown) {
          throw thrown.getCause();
        }
      }
    }
    throw new AssertionError("no method " + name);
  }

  private Call only(String eventName) {
    List<Call> matching = calls.stream().filter(c -> c.binding().eventName().equals(eventName)).toList();
    assertEquals(1, matching.size(), "expected one " + eventName + " call, got " + calls);
    return matching.get(0);
  }
}
