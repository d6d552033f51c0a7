package io.tracked.agent.weaving;

import java.io.File;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Reads class files from the jar or directory a class came from, directly. Asking the class loader
 * for a resource costs several times more (parent delegation, a URL and a connection per lookup),
 * and the {@link CandidateGate} reads a supertype of almost every class a host loads; most of them
 * live next to their subclass. A class not found there is left to the class loader.
 */
final class CodeSourceFiles {

  private static final Object MISSING = new Object();
  private final Map<String, Object> jars = new ConcurrentHashMap<>();

  /** The class file, or {@code null} when the class's code source does not hold it. */
  byte[] read(ProtectionDomain domain, String internalName) {
    try {
      CodeSource source = domain == null ? null : domain.getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location == null || !"file".equals(location.getProtocol())) {
        return null;
      }
      Object root = jars.get(location.toString());
      if (root == null) {
        root = open(new File(location.toURI()));
        jars.put(location.toString(), root);
      }
      if (root instanceof JarFile) {
        JarFile jar = (JarFile) root;
        ZipEntry entry = jar.getEntry(internalName + ".class");
        if (entry == null) {
          return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          return in.readAllBytes();
        }
      }
      if (root instanceof File) {
        File file = new File((File) root, internalName + ".class");
        return file.isFile() ? Files.readAllBytes(file.toPath()) : null;
      }
    } catch (Exception | LinkageError unreadable) {
      // left to the class loader
    }
    return null;
  }

  private static Object open(File file) {
    try {
      if (file.isDirectory()) {
        return file;
      }
      if (file.isFile()) {
        return new JarFile(file, false);
      }
    } catch (Exception unreadable) {
      // not a jar we can read
    }
    return MISSING;
  }

  /** A class file from the jar of {@code domain} when it is there (cheap), else from the class loader. */
  byte[] readClass(ClassLoader loader, ProtectionDomain domain, String internalName) {
    byte[] nearby = read(domain, internalName);
    if (nearby != null) {
      return nearby;
    }
    try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
      return in == null ? null : in.readAllBytes();
    } catch (Exception | LinkageError unreadable) {
      return null;
    }
  }
}
