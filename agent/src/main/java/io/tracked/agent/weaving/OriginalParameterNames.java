package io.tracked.agent.weaving;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * Parameter names read from a class's original class file, as its loader has it. When the agent is
 * attached, classes already loaded are handed over as the JVM rebuilds them, and JDK 17 rebuilds a
 * class without its {@code MethodParameters} attribute: a host compiled with {@code -parameters} (and
 * no local variable table) would lose every argument property. The original file still has them.
 * Parsed only when a method lacks names, once per class.
 */
final class OriginalParameterNames {

  private final ClassLoader loader;
  private final String typeName;
  private TypeDescription original;
  private boolean read;

  OriginalParameterNames(ClassLoader loader, String typeName) {
    this.loader = loader;
    this.typeName = typeName;
  }

  /** The names of the method's parameters ({@code null} where unknown), or {@code null} when not found. */
  List<String> of(MethodDescription method) {
    if (!read) {
      read = true;
      try {
        original = new TypePool.Default(new TypePool.CacheProvider.Simple(), ClassFileLocator.ForClassLoader.of(loader),
            TypePool.Default.ReaderMode.EXTENDED).describe(typeName).resolve();
      } catch (RuntimeException unreadable) {
        original = null;
      }
    }
    if (original == null) {
      return null;
    }
    for (MethodDescription candidate : original.getDeclaredMethods()) {
      if (candidate.getInternalName().equals(method.getInternalName())
          && candidate.getDescriptor().equals(method.getDescriptor())) {
        List<String> names = new ArrayList<>();
        for (ParameterDescription parameter : candidate.getParameters()) {
          names.add(parameter.isNamed() ? parameter.getName() : null);
        }
        return names;
      }
    }
    return null;
  }
}
