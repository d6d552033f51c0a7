package io.tracked.agent.weaving;

import io.tracked.agent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The transformer the JVM sees at start-up: a cheap gate in front of Byte Buddy. Byte Buddy takes
 * hundreds of milliseconds to load, so it is built on a background thread while the host starts;
 * meanwhile every class the host loads is checked here by the {@link CandidateGate} (name, one scan
 * of its bytes for the {@code io.tracked.api} annotations, its supertypes' headers). Only a class
 * that may hold a tracked method waits for Byte Buddy; the thousands of others never do, and are
 * never parsed.
 */
public final class WeavingTransformer implements ClassFileTransformer {

  private static final String[] IGNORED_PREFIXES = {
    "java/", "javax/", "jdk/", "sun/", "com/sun/", "io/tracked/agent/", "org/graalvm/",
  };
  private static final long READY_TIMEOUT_SECONDS = 30;

  private final CompletableFuture<ClassFileTransformer> byteBuddy;
  private final CandidateGate gate;

  /**
   * @param byteBuddy completes with Byte Buddy's transformer once it is built
   * @param configuredClasses internal names (a/b/C) of the classes the {@code methods} option names
   */
  public WeavingTransformer(CompletableFuture<ClassFileTransformer> byteBuddy, Set<String> configuredClasses) {
    this.byteBuddy = byteBuddy;
    this.gate = new CandidateGate(configuredClasses);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer) {
    try {
      if (loader == null || className == null || classfileBuffer == null || ignored(className)) {
        return null;
      }
      if (!gate.candidate(loader, className, classfileBuffer, protectionDomain)) {
        return null;
      }
      ClassFileTransformer weaver = byteBuddy.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      try {
        return weaver.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
      } catch (RuntimeException reported) {
        // Byte Buddy has told the WeavingListener, which reports it once with its cause.
        return null;
      }
    } catch (TimeoutException slow) {
      AgentLog.once("weaver-timeout", "the weaver was not ready after " + READY_TIMEOUT_SECONDS + " s; "
          + className.replace('/', '.') + " runs unchanged");
      return null;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return null;
    } catch (Throwable failure) {
      // The host's class must load whatever happens here.
      AgentLog.once("weaver-failed:" + className, "could not instrument " + className.replace('/', '.') + " ("
          + failure + "); it runs unchanged");
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
}
