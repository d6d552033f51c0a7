package io.tracked.agent.cli;

import io.tracked.agent.weaving.EmbeddedApiLocator;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The classes of some jars and class directories, described from their class files without loading
 * any. The pool reads debug information (the local variable table) as the weaver does, so parameter
 * names are the ones the running agent sees; supertypes resolve across all the given roots, the
 * JDK, and the agent's own copy of the API.
 */
final class ClassScan implements Closeable {

  private final List<String> classNames = new ArrayList<>();
  private final List<ClassFileLocator> locators = new ArrayList<>();
  private final TypePool pool;

  ClassScan(List<Path> roots, List<String> errors) {
    for (Path root : roots) {
      try {
        locators.add(open(root));
      } catch (IOException | RuntimeException unreadable) {
        errors.add("cannot read " + root + " (" + unreadable.getMessage() + "); name a jar file or a directory of classes");
      }
    }
    List<ClassFileLocator> all = new ArrayList<>(locators);
    all.add(new EmbeddedApiLocator());
    all.add(ClassFileLocator.ForClassLoader.ofSystemLoader());
    pool = new TypePool.Default(new TypePool.CacheProvider.Simple(), new ClassFileLocator.Compound(all),
        TypePool.Default.ReaderMode.EXTENDED);
    classNames.sort(null);
  }

  private ClassFileLocator open(Path root) throws IOException {
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(p -> p.toString().endsWith(".class")).forEach(p -> add(root.relativize(p).toString()));
      }
      return new ClassFileLocator.ForFolder(root.toFile());
    }
    if (Files.isRegularFile(root)) {
      try (JarFile jar = new JarFile(root.toFile())) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          String name = entries.nextElement().getName();
          if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
            add(name);
          }
        }
      }
      return ClassFileLocator.ForJarFile.of(root.toFile());
    }
    throw new IOException("no such file or directory");
  }

  private void add(String path) {
    String name = path.substring(0, path.length() - ".class".length()).replace('/', '.').replace(File.separatorChar, '.');
    if (!name.endsWith("module-info") && !name.endsWith("package-info")) {
      classNames.add(name);
    }
  }

  /** Every class found, by name, sorted. */
  List<String> classNames() {
    return classNames;
  }

  boolean contains(String className) {
    return classNames.contains(className);
  }

  TypeDescription describe(String className) {
    return pool.describe(className).resolve();
  }

  @Override
  public void close() throws IOException {
    for (ClassFileLocator locator : locators) {
      locator.close();
    }
  }
}
