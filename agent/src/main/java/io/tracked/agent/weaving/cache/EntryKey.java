package io.tracked.agent.weaving.cache;

import java.util.Arrays;
import java.util.List;

/**
 * Everything a woven class depends on, compared exactly (never by digest alone) before a cached
 * entry is used: the context (agent build, {@code methods} option, JVM), the class's name and
 * original bytes, and the bytes of each of its non-JDK supertypes, transitively, in the order
 * they were found. Annotations and {@code methods} entries on supertypes decide what a subclass
 * becomes, so a changed supertype must make the entry miss.
 */
public final class EntryKey {

  /** A supertype by internal name, and its class file; {@code bytes} is {@code null} when it could not be found. */
  public record Supertype(String name, byte[] bytes) {}

  private final String context;
  private final String className;
  private final byte[] original;
  private final List<Supertype> supertypes;

  public EntryKey(String context, String className, byte[] original, List<Supertype> supertypes) {
    this.context = context;
    this.className = className;
    this.original = original;
    this.supertypes = List.copyOf(supertypes);
  }

  public String context() {
    return context;
  }

  public String className() {
    return className;
  }

  public byte[] original() {
    return original;
  }

  public List<Supertype> supertypes() {
    return supertypes;
  }

  /** Whether the class itself is the same: context, name, bytes. */
  boolean sameClass(String otherContext, String otherName, byte[] otherOriginal) {
    return context.equals(otherContext) && className.equals(otherName) && Arrays.equals(original, otherOriginal);
  }

  /** Whether the supertypes found now are exactly the ones the entry was woven with. */
  public boolean sameSupertypes(List<Supertype> now) {
    if (now.size() != supertypes.size()) {
      return false;
    }
    for (int i = 0; i < now.size(); i++) {
      Supertype then = supertypes.get(i);
      if (!then.name().equals(now.get(i).name()) || !Arrays.equals(then.bytes(), now.get(i).bytes())) {
        return false;
      }
    }
    return true;
  }
}
