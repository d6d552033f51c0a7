package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The agent jar is minimized (the shade plugin keeps only the library classes the agent's own classes
 * can reach), so it must be proven whole: every class that any class in the jar names (in its constant
 * pool: class references and the types in every descriptor and signature), and every class a string
 * constant names for loading by reflection, is in the jar, and every class in the jar loads and
 * resolves its members' types in a loader that sees only the jar (and the host's API).
 */
class ShadedJarReachabilityIT {

  /**
   * Never in the jar, minimized or not, each for a reason: byte-buddy-agent's installer, which Byte Buddy looks up only if
   * present (the agent gets its Instrumentation from the JVM); Byte Buddy's bridge to the JDK 24+
   * class-file API, which lives in the multi-release part the jar does not carry (its ASM reads every
   * class file version the agent supports).
   */
  private static final List<String> LEFT_OUT_ON_PURPOSE = List.of(
      "io/tracked/agent/shaded/bytebuddy/agent/Installer",
      "io/tracked/agent/shaded/bytebuddy/jar/asmjdkbridge/");

  /** Byte Buddy's optional JNA-based injector implements JNA's interfaces: it loads only where JNA is. */
  private static final String NEEDS_JNA = "com/sun/jna/";

  private static final Pattern DESCRIPTOR_TYPE = Pattern.compile("L(io/tracked/[\\w/$]+)[;<]");
  private static final Pattern DOTTED_CLASS = Pattern.compile("io\\.tracked\\.agent\\.[\\w.]*\\.[A-Z][\\w$]*");

  @Test
  void everyClassTheJarNamesIsInTheJar() throws IOException {
    try (JarFile jar = new JarFile(AgentHarness.agentJar().toFile())) {
      Set<String> present = classesIn(jar);
      Set<String> missing = new TreeSet<>();
      for (String name : present) {
        try (InputStream in = jar.getInputStream(jar.getEntry(name + ".class"))) {
          for (String referenced : referencedClasses(in.readAllBytes())) {
            if (referenced.startsWith("io/tracked/agent/") && !present.contains(referenced)
                && !leftOutOnPurpose(referenced) && !name.endsWith("/package-info")) {
              // (package-info classes name only annotation types, which nothing reads by reflection)
              missing.add(referenced + " (named by " + name + ")");
            }
          }
        }
      }
      assertTrue(present.size() > 500, "the jar looks empty: " + present.size() + " classes");
      assertEquals(List.of(), new ArrayList<>(missing), "classes named in the agent jar but missing from it");
    }
  }

  @Test
  void everyClassInTheJarLoadsAndResolvesItsMembers() throws Exception {
    URL api = io.tracked.api.Tracked.class.getProtectionDomain().getCodeSource().getLocation();
    Path agentJar = AgentHarness.agentJar();
    List<String> broken = new ArrayList<>();
    int loaded = 0;
    try (JarFile jar = new JarFile(agentJar.toFile());
        URLClassLoader loader = new URLClassLoader(new URL[] {agentJar.toUri().toURL(), api},
            ClassLoader.getPlatformClassLoader())) {
      for (String name : classesIn(jar)) {
        String binary = name.replace('/', '.');
        if (leftOutOnPurpose(name)) {
          continue;
        }
        try {
          Class<?> type = Class.forName(binary, false, loader);
          type.getDeclaredFields();
          type.getDeclaredMethods();
          type.getDeclaredConstructors();
          type.getInterfaces();
          loaded++;
        } catch (LinkageError | ClassNotFoundException | TypeNotPresentException failure) {
          if (!needsLeftOutSender(failure) && !String.valueOf(failure.getMessage()).startsWith(NEEDS_JNA)) {
            broken.add(binary + ": " + failure);
          }
        }
      }
    }
    assertTrue(loaded > 500, "only " + loaded + " classes loaded");
    assertEquals(List.of(), broken, "classes of the agent jar that cannot load in a loader that sees only the jar");
  }

  private static boolean leftOutOnPurpose(String internalName) {
    return LEFT_OUT_ON_PURPOSE.stream().anyMatch(internalName::startsWith);
  }

  private static boolean needsLeftOutSender(Throwable failure) {
    return String.valueOf(failure.getMessage()).contains("posthog/HttpSender");
  }

  private static Set<String> classesIn(JarFile jar) {
    Set<String> names = new TreeSet<>();
    for (ZipEntry entry : Collections.list(jar.entries())) {
      String name = entry.getName();
      if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
        names.add(name.substring(0, name.length() - ".class".length()));
      }
    }
    return names;
  }

  /**
   * The internal names a class file refers to: its CONSTANT_Class entries, the class types inside
   * every descriptor or signature, and string constants spelling a class's binary name.
   */
  static Set<String> referencedClasses(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
    in.readInt(); // magic
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    List<Integer> classIndexes = new ArrayList<>();
    List<Integer> stringIndexes = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classIndexes.add(in.readUnsignedShort());
        case 8 -> stringIndexes.add(in.readUnsignedShort());
        case 16, 19, 20 -> in.readUnsignedShort(); // MethodType, Module, Package
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // eight-byte constants take two slots
        }
        case 9, 10, 11, 12, 17, 18 -> in.readInt(); // refs, NameAndType, (Invoke)Dynamic
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> names = new TreeSet<>();
    for (int index : classIndexes) {
      String name = utf8[index];
      if (name.startsWith("[")) {
        addDescriptorTypes(name, names);
      } else {
        names.add(name);
      }
    }
    Set<Integer> strings = Set.copyOf(stringIndexes);
    for (int i = 1; i < count; i++) {
      if (utf8[i] == null) {
        continue;
      }
      addDescriptorTypes(utf8[i], names);
      if (strings.contains(i)) {
        Matcher dotted = DOTTED_CLASS.matcher(utf8[i]);
        if (dotted.matches()) {
          names.add(utf8[i].replace('.', '/'));
        }
      }
    }
    return names;
  }

  private static void addDescriptorTypes(String text, Set<String> names) {
    Matcher matcher = DESCRIPTOR_TYPE.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
  }
}
