package io.tracked.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class of the agent's tests in a JVM that file permissions apply to. Tests of unreadable or
 * unwritable paths mean nothing as root (root reads and writes whatever the mode), so as root the
 * child runs as {@code nobody} through {@code setpriv}, with the agent's classes and test classes
 * only; as any other user it runs as that user.
 */
public final class UnprivilegedJvm {

  private static final String NOBODY = "65534";

  private UnprivilegedJvm() {}

  /** What the child did. */
  public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {}

  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Whether such a JVM can be started here: not root, or root with setpriv. */
  public static boolean available() {
    return !isRoot() || Files.isExecutable(Paths.get("/usr/bin/setpriv"));
  }

  /** Gives {@code dir} and everything below it to the child's user (as root), so only modes set later restrict it. */
  public static void handOver(Path dir) throws IOException, InterruptedException {
    if (isRoot()) {
      run(List.of("chown", "-R", NOBODY + ":" + NOBODY, dir.toString()));
      run(List.of("chmod", "755", dir.toString()));
    }
  }

  /** Runs {@code mainClass} with {@code args}, killed after {@code timeout}. */
  public static Result run(Class<?> mainClass, Duration timeout, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (isRoot()) {
      command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    }
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(location(io.tracked.agent.log.AgentLog.class) + java.io.File.pathSeparator + location(mainClass));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!exited) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    return new Result(exited ? process.exitValue() : -1, out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS),
        !exited);
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (InputStream in = stream) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("failed: " + command);
    }
  }
}
