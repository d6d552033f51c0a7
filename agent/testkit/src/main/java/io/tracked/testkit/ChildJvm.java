package io.tracked.testkit;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Launches a Java program in a child JVM the way a user would ({@code java -javaagent:... -jar app.jar})
 * and captures what it prints.
 *
 * <p>The agent's promises (it never breaks or delays the host, it honours options from three sources,
 * it works on Java 17 and 25) only mean something in a real JVM started from the command line, so
 * integration tests run the product as a separate process. Two defaults keep such tests honest on a
 * developer's machine:
 * <ul>
 *   <li>the environment is the parent's minus every {@code TRACKED_*} variable, {@code POSTHOG_API_KEY},
 *       {@code DO_NOT_TRACK}, {@code CONTINUE_GLOBAL_DIR} and the {@code JAVA_TOOL_OPTIONS} family,
 *       unless the test sets them with {@link #env(String, String)};</li>
 *   <li>the child gets a fresh, empty home directory ({@code user.home} and {@code HOME}) unless the
 *       test names one with {@link #userHome(Path)} or opts out with {@link #inheritUserHome()}, so it
 *       can never read the developer's {@code ~/.continue} or write an outbox there.</li>
 * </ul>
 * The child's console encoding is pinned to UTF-8 so its output decodes the same everywhere.
 */
public final class ChildJvm {

    private Path java = JavaRuntimes.currentJava();
    private final List<String> agents = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> envSet = new LinkedHashMap<>();
    private final Set<String> envRemoved = new HashSet<>();
    private Path jar;
    private String mainClass;
    private List<Path> classpath = List.of();
    private final List<String> args = new ArrayList<>();
    private Path workDir;
    private Path userHome;
    private boolean inheritUserHome;
    private String stdin;

    /** A new launcher; configure it, then {@link #start()}. Same as {@link #builder()}. */
    public ChildJvm() {
    }

    /** A new launcher; configure it, then {@link #start()}. */
    public static ChildJvm builder() {
        return new ChildJvm();
    }

    /** The java executable to run (default: the one running the tests). */
    public ChildJvm java(Path javaExecutable) {
        this.java = Objects.requireNonNull(javaExecutable, "javaExecutable");
        return this;
    }

    /** Adds {@code -javaagent:jar[=agentArgs]}; {@code agentArgs} may be null. Repeatable. */
    public ChildJvm javaAgent(Path agentJar, String agentArgs) {
        String option = "-javaagent:" + agentJar.toAbsolutePath();
        agents.add(agentArgs == null ? option : option + "=" + agentArgs);
        return this;
    }

    /** Adds a raw JVM option, e.g. {@code -Xmx64m}. */
    public ChildJvm jvmArg(String arg) {
        jvmArgs.add(Objects.requireNonNull(arg, "arg"));
        return this;
    }

    /** Adds {@code -Dkey=value}. */
    public ChildJvm systemProperty(String key, String value) {
        systemProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Sets an environment variable in the child (this also exempts it from the scrub). */
    public ChildJvm env(String name, String value) {
        envSet.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        envRemoved.remove(name);
        return this;
    }

    /** Removes an inherited environment variable from the child. */
    public ChildJvm removeEnv(String name) {
        envRemoved.add(Objects.requireNonNull(name, "name"));
        envSet.remove(name);
        return this;
    }

    /** Runs {@code java ... -jar jarFile}. */
    public ChildJvm jar(Path jarFile) {
        this.jar = Objects.requireNonNull(jarFile, "jarFile");
        this.mainClass = null;
        return this;
    }

    /** Runs {@code java ... -cp classpath mainClass}. */
    public ChildJvm mainClass(String className, List<Path> classpathEntries) {
        this.mainClass = Objects.requireNonNull(className, "className");
        this.classpath = List.copyOf(classpathEntries);
        this.jar = null;
        return this;
    }

    /** Program arguments (appended; call again to add more). */
    public ChildJvm args(String... programArgs) {
        args.addAll(Arrays.asList(programArgs));
        return this;
    }

    /** The child's working directory (default: the test's). */
    public ChildJvm workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    /** The child's home directory: sets {@code -Duser.home} and {@code HOME}. Default: a fresh temp dir. */
    public ChildJvm userHome(Path dir) {
        this.userHome = Objects.requireNonNull(dir, "dir");
        this.inheritUserHome = false;
        return this;
    }

    /** Lets the child use the real home directory (only for tests that truly need it). */
    public ChildJvm inheritUserHome() {
        this.inheritUserHome = true;
        this.userHome = null;
        return this;
    }

    /** Text the child reads on stdin (UTF-8), then end of input. Default: end of input at once. */
    public ChildJvm stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** The command line {@link #start()} would run, for messages (home chosen at start not included). */
    public List<String> command() {
        return command(userHome);
    }

    private List<String> command(Path home) {
        if (jar == null && mainClass == null) {
            throw new IllegalStateException("set jar(...) or mainClass(...) before starting");
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(agents);
        // Pin console encoding (JDK 17 reads sun.*, JDK 19+ reads stdout/stderr.encoding).
        command.add("-Dsun.stdout.encoding=UTF-8");
        command.add("-Dsun.stderr.encoding=UTF-8");
        command.add("-Dstdout.encoding=UTF-8");
        command.add("-Dstderr.encoding=UTF-8");
        if (home != null) {
            command.add("-Duser.home=" + home.toAbsolutePath());
        }
        command.addAll(jvmArgs);
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toAbsolutePath().toString());
        } else {
            command.add("-cp");
            command.add(classpath.stream().map(p -> p.toAbsolutePath().toString())
                    .collect(Collectors.joining(File.pathSeparator)));
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }

    /** Starts the child; output is drained from the first byte. */
    public Running start() {
        try {
            Path home = userHome;
            if (home == null && !inheritUserHome) {
                home = Files.createTempDirectory("tracked-home-");
            }
            List<String> command = command(home);
            ProcessBuilder builder = new ProcessBuilder(command);
            Map<String, String> env = new LinkedHashMap<>(envSet);
            if (home != null) {
                env.putIfAbsent("HOME", home.toAbsolutePath().toString());
                env.putIfAbsent("USERPROFILE", home.toAbsolutePath().toString());
            }
            ChildEnvironment.apply(builder.environment(), env, envRemoved);
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            long startNanos = System.nanoTime();
            Process process = builder.start();
            Running running = new Running(process, command, home, startNanos);
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The child exited before reading its input; its output will say why.
            }
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + java, e);
        }
    }

    /** Starts the child and waits for it: shorthand for {@code start().waitFor(timeout)}. */
    public Result run(Duration timeout) {
        try (Running running = start()) {
            return running.waitFor(timeout);
        }
    }

    /** @see JavaRuntimes#extraJavas() */
    public static List<Path> extraJavas() {
        return JavaRuntimes.extraJavas();
    }

    /** @see JavaRuntimes#javasUnderTest() */
    public static List<Path> javasUnderTest() {
        return JavaRuntimes.javasUnderTest();
    }

    /** @see JavaRuntimes#javaFeatureVersion(Path) */
    public static int javaFeatureVersion(Path javaExecutable) {
        return JavaRuntimes.javaFeatureVersion(javaExecutable);
    }

    /**
     * A started child. Closing it kills the child (and its descendants) if it is still alive, so a
     * failing test never leaves a JVM behind.
     */
    public static final class Running implements AutoCloseable {

        private static final long DRAIN_GRACE_MILLIS = 2_000;

        private final Process process;
        private final List<String> command;
        private final Path userHome;
        private final long startNanos;
        private final OutputDrain stdout;
        private final OutputDrain stderr;
        private volatile long exitedAtMillis;

        private Running(Process process, List<String> command, Path userHome, long startNanos) {
            this.process = process;
            this.command = List.copyOf(command);
            this.userHome = userHome;
            this.startNanos = startNanos;
            this.stdout = new OutputDrain(process.getInputStream(), "child-" + process.pid() + "-out");
            this.stderr = new OutputDrain(process.getErrorStream(), "child-" + process.pid() + "-err");
            process.onExit().thenRun(() -> exitedAtMillis = System.currentTimeMillis());
        }

        /**
         * The wall-clock time ({@link System#currentTimeMillis()}) the child was seen to exit, or 0 while
         * it runs: to measure how long it took past a moment it printed itself, e.g. the end of its main.
         */
        public long exitedAtMillis() {
            return exitedAtMillis;
        }

        public long pid() {
            return process.pid();
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /** The command line that started the child. */
        public List<String> command() {
            return command;
        }

        /** The child's home directory, or null when it inherited the real one. */
        public Path userHome() {
            return userHome;
        }

        public String stdoutSoFar() {
            return stdout.soFar();
        }

        public String stderrSoFar() {
            return stderr.soFar();
        }

        /**
         * Waits until the stderr seen so far satisfies {@code condition}, and returns it.
         *
         * @throws AssertionError on timeout, or when the child exits without it holding
         */
        public String awaitStderr(Predicate<String> condition, Duration timeout) {
            return awaitOutput(stderr, "stderr", condition, timeout);
        }

        /** As {@link #awaitStderr}, for stdout. */
        public String awaitStdout(Predicate<String> condition, Duration timeout) {
            return awaitOutput(stdout, "stdout", condition, timeout);
        }

        private String awaitOutput(OutputDrain drain, String name, Predicate<String> condition, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                boolean ended = drain.finished();
                String text = drain.soFar();
                if (condition.test(text)) {
                    return text;
                }
                if (ended) {
                    throw new AssertionError("child ended its " + name + " without the expected output"
                            + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")") + describe());
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + name
                            + describe());
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }

        /**
         * Waits for the child to exit. On timeout kills it and its descendants forcibly and returns a
         * result marked {@code timedOut} (the exit code is then whatever the kill produced).
         */
        public Result waitFor(Duration timeout) {
            boolean exited;
            try {
                exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exited = false;
            }
            if (!exited) {
                kill();
            }
            stdout.awaitEnd(DRAIN_GRACE_MILLIS);
            stderr.awaitEnd(DRAIN_GRACE_MILLIS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            int exitCode = process.isAlive() ? -1 : process.exitValue();
            return new Result(exitCode, stdout.soFar(), stderr.soFar(), !exited, elapsed, command);
        }

        /** Kills the child and its descendants if still alive. */
        @Override
        public void close() {
            if (process.isAlive() || process.descendants().findAny().isPresent()) {
                kill();
            }
        }

        private void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private String describe() {
            return "\ncommand: " + String.join(" ", command)
                    + "\n--- stdout ---\n" + stdout.soFar()
                    + "\n--- stderr ---\n" + stderr.soFar();
        }
    }

    /**
     * What a finished (or killed) child did.
     *
     * @param exitCode the exit code; after a timeout, that of the forced kill (-1 if it would not die)
     * @param stdout   everything it printed on stdout
     * @param stderr   everything it printed on stderr
     * @param timedOut whether it had to be killed
     * @param elapsed  from start to exit (or kill)
     * @param command  the command line, for messages
     */
    public record Result(int exitCode, String stdout, String stderr, boolean timedOut, Duration elapsed,
            List<String> command) {

        /** Returns this result, or fails with the whole story if the exit code differs (or it timed out). */
        public Result expectExit(int expected) {
            if (timedOut || exitCode != expected) {
                throw new AssertionError("expected exit " + expected + " but " + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return (timedOut ? "timed out (killed)" : "exit " + exitCode) + " after " + elapsed.toMillis() + " ms"
                    + "\ncommand: " + String.join(" ", command)
                    + "\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr;
        }
    }
}
