package io.tracked.agent.weaving;

import io.tracked.agent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Set;

/**
 * The transformer the JVM sees at start-up: a cheap gate in front of the weaver. Every class the host
 * loads is checked here by name and by one scan of its bytes for the {@code io.tracked.api}
 * annotations. Only a class that mentions them (or that the {@code methods} option names) is handed
 * to the weaver ({@link LeanWeaver}, on the loading thread: it is light enough to need no head start,
 * and a tracked class is woven as it loads, so no call of it is ever missed); the thousands of others
 * are never parsed.
 */
public final class WeavingTransformer implements ClassFileTransformer {

  private static final byte[] API_DESCRIPTOR_PREFIX = "Lio/tracked/api/".getBytes(StandardCharsets.US_ASCII);
  private static final String[] IGNORED_PREFIXES = {
    "java/", "javax/", "jdk/", "sun/", "com/sun/", "io/tracked/agent/", "org/graalvm/",
  };
  private final ClassFileTransformer weaver;
  private final Set<String> configuredClasses;

  /**
   * @param weaver weaves a class that passed the gate; returns null to leave it unchanged
   * @param configuredClasses internal names (a/b/C) of the classes the {@code methods} option names
   */
  public WeavingTransformer(ClassFileTransformer weaver, Set<String> configuredClasses) {
    this.weaver = weaver;
    this.configuredClasses = configuredClasses;
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    try {
      if (loader == null || className == null || classfileBuffer == null || ignored(className)) {
        return null;
      }
      if (!configuredClasses.contains(className) && !mentions(classfileBuffer, API_DESCRIPTOR_PREFIX)) {
        return null;
      }
      return weaver.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    } catch (Throwable failure) {
      // The host's class must load whatever happens here.
      AgentLog.once("weaver-failed:" + className, "could not instrument " + className.replace('/', '.') + " ("
          + failure + "); it runs unchanged and its events are not recorded. Fix: track a smaller method (a"
          + " method near the 64 KB bytecode limit cannot take the advice), or report this error if the class is"
          + " otherwise ordinary");
      return null;
    }
  }

  static boolean ignored(String internalName) {
    for (String prefix : IGNORED_PREFIXES) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code bytes} contains {@code needle}: the annotation's descriptor is in the constant pool. */
  static boolean mentions(byte[] bytes, byte[] needle) {
    byte first = needle[0];
    int last = bytes.length - needle.length;
    outer:
    for (int i = 0; i <= last; i++) {
      if (bytes[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
