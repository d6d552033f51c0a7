package io.tracked.agent.weaving;

import io.tracked.agent.log.AgentLog;
import io.tracked.agent.weaving.cache.EntryCodec;
import io.tracked.agent.weaving.cache.EntryKey;
import io.tracked.agent.weaving.cache.WeaveCache;
import io.tracked.agent.weaving.cache.WeaveRecord;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The transformer the JVM sees at start-up: a cheap gate, then the weave cache, then Byte Buddy.
 * Every class the host loads is checked by the {@link CandidateGate} (name, one scan of its bytes for
 * the {@code io.tracked.api} annotations, its supertypes' headers); the thousands that cannot hold a
 * tracked method are never parsed. A class that can is looked up in the {@link WeaveCache}: an entry
 * kept by an earlier start for exactly these bytes (and supertypes, agent build, options, JVM) gives
 * its woven bytes back and replays what its weave registered, without Byte Buddy. Only a class the
 * cache cannot serve waits for Byte Buddy ({@link WeaverStart}), and what Byte Buddy makes of it is
 * kept for the next start.
 */
public final class WeavingTransformer implements ClassFileTransformer {

  private static final String[] IGNORED_PREFIXES = {
      "java/", "javax/", "jdk/", "sun/", "com/sun/", "io/tracked/agent/", "org/graalvm/",
  };
  private static final long READY_TIMEOUT_SECONDS = 30;

  private final WeaverStart byteBuddy;
  private final CandidateGate gate;
  private final WeaveRegistry registry;
  private final WeaveCache cache;
  private final SupertypeBytes supertypes;

  /**
   * @param byteBuddy builds Byte Buddy's transformer when first needed
   * @param registry where woven classes register, and where a cache hit replays what they registered
   * @param cache the weave cache of this context, or {@code null} for none
   */
  public WeavingTransformer(WeaverStart byteBuddy, WeaveRegistry registry, WeaveCache cache) {
    CodeSourceFiles files = new CodeSourceFiles();
    this.byteBuddy = byteBuddy;
    this.gate = new CandidateGate(registry.methods().internalNames(), files);
    this.registry = registry;
    this.cache = cache;
    this.supertypes = new SupertypeBytes(files);
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
      boolean cacheable = cache != null && classBeingRedefined == null;
      List<EntryKey.Supertype> supers = null;
      if (cacheable) {
        EntryCodec.Entry entry = cache.lookup(className, classfileBuffer);
        if (entry != null) {
          supers = supertypes.of(loader, protectionDomain, classfileBuffer);
          if (supers != null && entry.key().sameSupertypes(supers) && registry.replay(entry.record())) {
            return entry.record().woven();
          }
          AgentLog.debug("weave cache: " + className.replace('/', '.') + " changed since it was kept (a supertype,"
              + " or ids taken in this run); woven afresh");
        }
      }
      return weave(loader, className, classBeingRedefined, protectionDomain, classfileBuffer, cacheable, supers);
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

  private byte[] weave(ClassLoader loader, String className, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] classfileBuffer, boolean cacheable, List<EntryKey.Supertype> supers)
      throws Exception {
    ClassFileTransformer weaver = byteBuddy.get(READY_TIMEOUT_SECONDS);
    byte[] woven;
    WeaveRegistry.Recording recording = registry.record();
    try {
      woven = weaver.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    } catch (RuntimeException reported) {
      // Byte Buddy has told the WeavingListener, which reports it once with its cause.
      return null;
    } finally {
      recording.close();
    }
    WeaveRecord record = recording.result(woven);
    if (cacheable && record != null) {
      List<EntryKey.Supertype> found = supers != null ? supers : supertypes.of(loader, protectionDomain,
          classfileBuffer);
      if (found != null) {
        cache.store(new EntryKey(cache.context(), className, classfileBuffer, found), record);
      }
    }
    return woven;
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
