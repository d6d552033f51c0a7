package io.tracked.agent.weaving;

import io.tracked.agent.log.AgentLog;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, from class-file bytes alone, whether a class could hold a tracked method, so that Byte
 * Buddy parses only the few that can. Staged from cheapest to dearest:
 * <ol>
 *   <li>by name: JDK and agent classes never are;</li>
 *   <li>the class is named by the {@code methods} option, or its bytes mention {@code io.tracked.api}
 *       (one scan of the constant pool);</li>
 *   <li>only if its class loader can see the API or the {@code methods} option is set: one of its
 *       supertypes is such a class. Supertypes are read (from the subclass's own jar when they are
 *       there, else from the loader), header only, and the answer is remembered per loader and
 *       name, so each supertype is read at most once.</li>
 * </ol>
 * Supertypes must be read rather than remembered from earlier loads: the JVM hands a class to the
 * transformer before it loads the class's supertypes.
 */
final class CandidateGate {

  private static final byte[] API_DESCRIPTOR_PREFIX = "Lio/tracked/api/".getBytes(StandardCharsets.US_ASCII);
  private static final String API_RESOURCE = "io/tracked/api/Tracked.class";
  private static final String[] IGNORED_PREFIXES = {
      "java/", "javax/", "jdk/", "sun/", "com/sun/", "io/tracked/agent/", "org/graalvm/", "net/bytebuddy/",
  };
  private static final int MAX_DEPTH = 64;

  private final Set<String> configuredClasses;
  private final Map<ClassLoader, Map<String, Boolean>> known = Collections.synchronizedMap(new WeakHashMap<>());
  private final CodeSourceFiles files;
  private final Map<ClassLoader, Boolean> apiVisible = Collections.synchronizedMap(new WeakHashMap<>());

  // Shared by every gate of the process (the start-up one and the re-weaving one), for one summary.
  static final AtomicLong seen = new AtomicLong();
  static final AtomicLong supertypesRead = new AtomicLong();
  static final AtomicLong candidates = new AtomicLong();

  /** @param configuredClasses internal names (a/b/C) of the classes the {@code methods} option names */
  CandidateGate(Set<String> configuredClasses) {
    this(configuredClasses, new CodeSourceFiles());
  }

  /** @param files where supertypes are read from first (shared with whoever reads the same jars) */
  CandidateGate(Set<String> configuredClasses, CodeSourceFiles files) {
    this.configuredClasses = configuredClasses;
    this.files = files;
  }

  static boolean ignored(String internalName) {
    for (String prefix : IGNORED_PREFIXES) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the class may hold a tracked method.
   *
   * @param bytes the class file, or {@code null} to read it from the loader
   */
  boolean candidate(ClassLoader loader, String internalName, byte[] bytes, ProtectionDomain domain) {
    if (loader == null || internalName == null || ignored(internalName)) {
      return false;
    }
    seen.incrementAndGet();
    boolean result = tracked(loader, domain, internalName, bytes, 0);
    if (result) {
      candidates.incrementAndGet();
    }
    return result;
  }

  private boolean tracked(ClassLoader loader, ProtectionDomain domain, String internalName, byte[] bytes, int depth) {
    if (internalName == null || ignored(internalName) || depth > MAX_DEPTH) {
      return false;
    }
    Map<String, Boolean> answers = answers(loader);
    Boolean answer = answers.get(internalName);
    if (answer != null) {
      return answer;
    }
    if (configuredClasses.contains(internalName)) {
      answers.put(internalName, true);
      return true;
    }
    if (bytes == null) {
      bytes = read(loader, domain, internalName);
      if (bytes == null) {
        answers.put(internalName, false);
        return false;
      }
    }
    boolean result = mentions(bytes, API_DESCRIPTOR_PREFIX);
    if (!result && followsSupertypes(loader)) {
      ClassHeader header = ClassHeader.read(bytes);
      if (header != null) {
        result = tracked(loader, domain, header.superName(), null, depth + 1);
        for (int i = 0; !result && i < header.interfaces().length; i++) {
          result = tracked(loader, domain, header.interfaces()[i], null, depth + 1);
        }
      }
    }
    answers.put(internalName, result);
    return result;
  }

  /** A loader that cannot see the API and no {@code methods} option: its supertypes cannot make a class tracked. */
  private boolean followsSupertypes(ClassLoader loader) {
    if (!configuredClasses.isEmpty()) {
      return true;
    }
    Boolean visible = apiVisible.get(loader);
    if (visible == null) {
      visible = loader.getResource(API_RESOURCE) != null;
      apiVisible.put(loader, visible);
      if (!visible) {
        AgentLog.debug("class loader " + loader.getClass().getName() + " cannot see io.tracked.api: its classes are"
            + " tracked where they carry @Tracked themselves, but @Tracked on their supertypes is not followed. Fix:"
            + " ship tracked-api with the plugin (see README, \"Plugins\")");
      }
    }
    return visible;
  }

  private Map<String, Boolean> answers(ClassLoader loader) {
    Map<String, Boolean> answers = known.get(loader);
    if (answers == null) {
      synchronized (known) {
        answers = known.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
      }
    }
    return answers;
  }

  /** From the subclass's own jar when it is there (cheap), else from the class loader. */
  private byte[] read(ClassLoader loader, ProtectionDomain domain, String internalName) {
    supertypesRead.incrementAndGet();
    return files.readClass(loader, domain, internalName);
  }

  /** Whether {@code bytes} contains {@code needle}: an annotation's descriptor is in the constant pool. */
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

  /** One line for {@code debug=true}: how many classes each stage let through. */
  static String describe() {
    return seen.get() + " classes checked, " + supertypesRead.get() + " supertypes read, " + candidates.get()
        + " candidates parsed";
  }
}
