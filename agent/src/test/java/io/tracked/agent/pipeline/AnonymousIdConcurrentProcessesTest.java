package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracked.testkit.ChildJvm;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several editors starting together on one Continue directory: real JVMs released at the same
 * moment, each asking for the id. They must all get one id, the one left in the file, whether the
 * file was missing or corrupt.
 */
class AnonymousIdConcurrentProcessesTest {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path root;

  private ChildJvm child(Path continueDir, Path start) {
    List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Paths::get).collect(Collectors.toList());
    return ChildJvm.builder().mainClass(AnonymousIdChild.class.getName(), classpath)
        .userHome(root).args(continueDir.toString(), start.toString());
  }

  @ParameterizedTest(name = "{0} processes, file {1}")
  @CsvSource({"2, missing", "3, missing", "3, corrupt"})
  void processesStartingTogetherAgreeOnOneId(int processes, String initially) throws Exception {
    for (int trial = 0; trial < 8; trial++) {
      Path continueDir = Files.createDirectories(root.resolve("trial-" + trial));
      Path file = continueDir.resolve("telemetry").resolve(AnonymousId.FILE_NAME);
      if (initially.equals("corrupt")) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not an id", StandardCharsets.US_ASCII);
      }
      Path start = continueDir.resolve("start");
      List<ChildJvm.Running> children = new ArrayList<>();
      try {
        for (int i = 0; i < processes; i++) {
          children.add(child(continueDir, start).start());
        }
        for (ChildJvm.Running c : children) {
          c.awaitStdout(out -> out.contains("ready"), DEADLINE);
        }
        Files.createFile(start);
        Set<String> ids = new HashSet<>();
        for (ChildJvm.Running c : children) {
          String out = c.waitFor(DEADLINE).expectExit(0).stdout();
          ids.add(out.lines().filter(l -> l.startsWith("id ")).findFirst().orElseThrow().substring(3));
        }
        assertEquals(1, ids.size(), "trial " + trial + ": " + ids);
        assertEquals(ids.iterator().next(), Files.readString(file, StandardCharsets.US_ASCII).trim(),
            "trial " + trial + ": the id every process uses is the one kept");
      } finally {
        children.forEach(ChildJvm.Running::close);
      }
    }
  }
}
