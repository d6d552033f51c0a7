package io.tracked.agent.weaving;

import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts {@code io.tracked.agent.bootstrap.TrackedBridge} into the bootstrap class loader before
 * anything loads it, so that advice woven into classes of every loader resolves the same bridge.
 * The class files are read from the agent jar as bytes; naming the class before injection would
 * define it in the wrong loader.
 *
 * <p>Why not a library call: appending a jar to the bootstrap search path makes HotSpot switch off
 * class-data sharing for the host's classes and print a warning, and Byte Buddy's Unsafe-based
 * injector makes JDK 24+ print {@code sun.misc.Unsafe} warnings. The host must notice neither, so
 * the classes are defined through the JDK's internal define-class entry point, which the
 * {@link Instrumentation} lets the agent (and only the agent) open.
 */
public final class BootstrapInjector {

  /** Binary names, spelled out so that this class does not load the bridge by naming it; interface first. */
  static final List<String> BRIDGE_CLASSES = List.of(
      "io.tracked.agent.bootstrap.TrackedBridge$Sink",
      "io.tracked.agent.bootstrap.TrackedBridge$FailureListener",
      "io.tracked.agent.bootstrap.TrackedBridge");

  private BootstrapInjector() {}

  public static void inject(Instrumentation instrumentation) throws Exception {
    Module javaBase = Object.class.getModule();
    instrumentation.redefineModule(javaBase, Set.of(),
        Map.of("jdk.internal.misc", Set.of(BootstrapInjector.class.getModule())), Map.of(), Set.of(), Map.of());
    Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
    Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
    Method defineClass = unsafeType.getMethod("defineClass",
        String.class, byte[].class, int.class, int.class, ClassLoader.class, ProtectionDomain.class);
    for (String name : BRIDGE_CLASSES) {
      byte[] bytes;
      try (InputStream in = BootstrapInjector.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
        if (in == null) {
          throw new IllegalStateException(name + " is missing from the agent jar");
        }
        bytes = in.readAllBytes();
      }
      defineClass.invoke(unsafe, name, bytes, 0, bytes.length, null, null);
    }
  }
}
