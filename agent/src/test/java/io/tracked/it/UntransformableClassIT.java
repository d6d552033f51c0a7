package io.tracked.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.testkit.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tracked method whose bytecode is so close to the JVM's 64 KB limit that the advice cannot fit:
 * the agent must report it once and let the class run unchanged, never break it.
 */
class UntransformableClassIT {

  @TempDir Path temp;

  @Test
  void aClassThatCannotBeWovenRunsUnchanged() throws IOException {
    Path classes = compileHugeMethod();
    List<Path> classpath = new ArrayList<>(AgentHarness.fixtureClasspath());
    classpath.add(0, classes);

    ChildJvm.Result result = ChildJvm.builder()
        .javaAgent(AgentHarness.agentJar(), null)
        .mainClass("fixture.big.BigMethod", classpath)
        .run(Duration.ofSeconds(60));

    result.expectExit(0);
    assertEquals("ran 8185", result.stdout().strip());
    List<String> errors = AgentHarness.agentLines(result.stderr()).stream()
        .filter(line -> line.contains("could not instrument fixture.big.BigMethod")).toList();
    assertEquals(1, errors.size(), result.stderr());
    assertTrue(errors.get(0).contains("Fix:"), errors.get(0));
  }

  private Path compileHugeMethod() throws IOException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 8185; i++) { // 8 bytes each: just under 64 KB, too big once advice is added
      body.append("    counter = counter + 1;\n");
    }
    String source = "package fixture.big;\n"
        + "import io.tracked.api.Tracked;\n"
        + "public class BigMethod {\n"
        + "  static int counter;\n"
        + "  @Tracked(\"big\")\n"
        + "  public static int huge(int a, long b, String c, boolean d, double e) {\n"
        + body
        + "    return counter;\n"
        + "  }\n"
        + "  public static void main(String[] args) {\n"
        + "    System.out.println(\"ran \" + huge(1, 2L, \"x\", true, 3.0));\n"
        + "  }\n"
        + "}\n";
    Path file = temp.resolve("src/fixture/big/BigMethod.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path out = Files.createDirectories(temp.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, null, errors, "-d", out.toString(),
        "-cp", AgentHarness.fixtureClasspath().get(1).toString(), file.toString());
    assertEquals(0, status, errors.toString());
    return out;
  }
}
