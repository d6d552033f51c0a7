package io.tracked.agent.weaving;

import io.tracked.agent.weaving.cache.EntryKey;
import java.security.ProtectionDomain;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The class files of a class's supertypes that are not the JDK's, transitively, breadth first in
 * declaration order: what a cached weave depends on besides the class itself (an annotation or a
 * {@code methods} entry on a supertype changes what the subclass becomes). Read the way the
 * {@link CandidateGate} reads them: from the subclass's own jar or directory when they are there,
 * else from its class loader. A supertype that cannot be found is recorded as missing; the JDK is
 * covered by the cache's context (the JVM's version).
 */
final class SupertypeBytes {

  /** Far beyond any real hierarchy; past it the class is not cached. */
  static final int MAX_SUPERTYPES = 256;

  private final CodeSourceFiles files;

  SupertypeBytes(CodeSourceFiles files) {
    this.files = files;
  }

  /** The supertypes of the class in {@code bytes}, or {@code null} when the class file cannot be read as one. */
  List<EntryKey.Supertype> of(ClassLoader loader, ProtectionDomain domain, byte[] bytes) {
    ClassHeader header = ClassHeader.read(bytes);
    if (header == null) {
      return null;
    }
    List<EntryKey.Supertype> found = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    ArrayDeque<ClassHeader> pending = new ArrayDeque<>();
    pending.add(header);
    while (!pending.isEmpty()) {
      ClassHeader next = pending.poll();
      for (String name : names(next)) {
        if (name == null || CandidateGate.ignored(name) || !visited.add(name)) {
          continue;
        }
        if (found.size() >= MAX_SUPERTYPES) {
          return null;
        }
        byte[] supertype = read(loader, domain, name);
        found.add(new EntryKey.Supertype(name, supertype));
        ClassHeader itsHeader = supertype == null ? null : ClassHeader.read(supertype);
        if (itsHeader != null) {
          pending.add(itsHeader);
        }
      }
    }
    return found;
  }

  private static List<String> names(ClassHeader header) {
    List<String> names = new ArrayList<>(1 + header.interfaces().length);
    names.add(header.superName());
    for (String name : header.interfaces()) {
      names.add(name);
    }
    return names;
  }

  private byte[] read(ClassLoader loader, ProtectionDomain domain, String internalName) {
    return files.readClass(loader, domain, internalName);
  }
}
