package io.tracked.sample.it;

import io.tracked.testkit.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each hostile-file case's measured outcome to {@code target/hostile-files.txt}: the figures
 * behind the closing note, reproduced by running {@code HostileConsentFilesIT}.
 */
final class HostileFilesReport {

  private static final Path REPORT = Path.of("target", "hostile-files.txt");

  private HostileFilesReport() {}

  static synchronized void record(Path java, String what, long normalMillis, long hostileMillis, long normalHeapKb,
      long hostileHeapKb) {
    String line = String.format(
        "JDK %d  %-45s exit %5d ms (normal %5d ms, %+d)  heap at exit %6d KB (normal %6d KB, %+d)%n",
        ChildJvm.javaFeatureVersion(java), what, hostileMillis, normalMillis, hostileMillis - normalMillis,
        hostileHeapKb, normalHeapKb, hostileHeapKb - normalHeapKb);
    try {
      Files.createDirectories(REPORT.getParent());
      Files.writeString(REPORT, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
