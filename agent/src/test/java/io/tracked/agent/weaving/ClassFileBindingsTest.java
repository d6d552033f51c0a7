package io.tracked.agent.weaving;

import io.tracked.agent.event.EventBinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.config.MethodsOption;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import org.junit.jupiter.api.Test;

/**
 * The start-up weaver's reading of a class file gives exactly {@link BindingFactory}'s answers (as
 * read through Byte Buddy's type pool, the attach path): the same events, properties, return
 * property, exception flag and switches, for every test host. A rule changed in one place only fails here.
 */
class ClassFileBindingsTest {

  private static final List<String> HOSTS = List.of(
      "io.tracked.hosts.AnnotatedHost", "io.tracked.hosts.ShapesHost", "io.tracked.hosts.SwitchHost",
      "io.tracked.hosts.LegacyHost", "io.tracked.fixture.FixtureApp");

  @Test
  void agreesWithBindingFactoryOnEveryTestHost() throws IOException {
    List<String> problems = new ArrayList<>();
    MethodsOption methods = MethodsOption.parse("io.tracked.hosts.LegacyHost[accept,send=chat]", problems);
    assertEquals(List.of(), problems);
    int compared = 0;
    for (String host : HOSTS) {
      byte[] bytes = bytesOf(host);
      assertEquals(expected(host, bytes, methods), actual(bytes, methods), host);
      compared += expected(host, bytes, methods).size();
    }
    assertTrue(compared >= 15, "too few tracked methods compared: " + compared);
  }

  private static List<String> actual(byte[] bytes, MethodsOption methods) {
    List<String> out = new ArrayList<>();
    for (ClassFileBindings.MethodBinding method : ClassFileBindings.read(bytes, methods)) {
      out.add(method.name() + method.descriptor() + " " + method.event() + " " + method.switchBinding());
    }
    return out;
  }

  private static List<String> expected(String host, byte[] bytes, MethodsOption methods) {
    TypePool pool = new TypePool.Default(new TypePool.CacheProvider.Simple(),
        new ClassFileLocator.Compound(ClassFileLocator.Simple.of(host, bytes),
            ClassFileLocator.ForClassLoader.of(ClassFileBindingsTest.class.getClassLoader())),
        TypePool.Default.ReaderMode.EXTENDED);
    TypeDescription type = pool.describe(host).resolve();
    BindingFactory factory = new BindingFactory(methods);
    List<String> out = new ArrayList<>();
    for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
      EventBinding event = factory.bindingFor(type, method);
      BindingFactory.SwitchBinding switchBinding = BindingFactory.switchBindingFor(type, method);
      if (event != null || switchBinding != null) {
        out.add(method.getInternalName() + method.getDescriptor() + " " + event + " " + switchBinding);
      }
    }
    return out;
  }

  private static byte[] bytesOf(String className) throws IOException {
    try (InputStream in = ClassFileBindingsTest.class.getClassLoader()
        .getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }
}
