package io.tracked.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Question: what does one call of a {@code @Tracked} method cost the host's thread?
 *
 * <p>All variants call the same three-argument method ({@link AutocompleteHost}) and run in one JMH
 * run, each in its own fork, because the agent is a JVM-wide thing: it is either on the command line
 * ({@code -javaagent}, exactly as users run it, with the packaged {@code agent/target/tracked-agent.jar})
 * or not. Consent is set through the agent's {@code config=} option pointing at a scratch
 * {@code config.json} ({@link BenchmarkPaths}); events go to a scratch outbox, never to the network.
 *
 * <ul>
 *   <li>{@link #plain}: the un-annotated twin, no agent. The baseline.
 *   <li>{@link #annotatedNoAgent}: the annotated twin, no agent. {@code @Tracked} alone must be free.
 *   <li>{@link #plainWithAgent}: the un-annotated twin in a JVM running the agent (consent on). Code the
 *       agent does not weave must not be slower.
 *   <li>{@link #clockMillis}: {@code System.currentTimeMillis()} alone, no agent: the timestamp every
 *       accepted call takes, the largest single piece of its cost.
 *   <li>{@link #trackedConsentOff}: the advice's fast path: the user said no, so the inlined advice
 *       reads one volatile flag and does nothing else (no argument array, no allocation).
 *   <li>{@link #trackedConsentOnSaturated}: consent on, called in a tight loop. The dispatcher's queue
 *       ring holds 8192 calls and never blocks the host: after a few microseconds it is full and marks
 *       the bridge full, and from then on calls take the DROP path (one volatile read and a per-thread
 *       counter as the call begins, nothing built) until the agent's thread has drained half the ring,
 *       when the next 4096 calls are accepted. This is the number a naive benchmark reports; it is
 *       neither the typical nor the worst host cost. The teardown prints how many calls were dropped.
 *   <li>{@link #trackedConsentOnBurst}: consent on, {@value #BURST} calls in a row into an empty queue
 *       (waited for, outside the measurement): every call is accepted. The cost per call of a burst
 *       of events, while the agent's thread drains alongside on its own schedule.
 * </ul>
 *
 * <p>There is no single-call ("isolated") variant any more: host threads never wake the agent's
 * thread (it drains the queue on its own 50 ms schedule), so one call alone costs what a burst call
 * costs, plus cold caches and interpretation that a micro-benchmark cannot represent faithfully.
 *
 * <p>The paced variants ({@link #pacedPlain}, {@link #pacedTrackedConsentOn}, {@link #pacedTrackedConsentOff})
 * put realistic work between calls ({@code Blackhole.consumeCPU(PACE_TOKENS)}, about 20 microseconds on our machine: 50,000 calls/s), so the
 * agent's thread keeps up and every call takes the accepted path, as in a real host. The host's cost per
 * call is their score minus {@code pacedPlain}'s; each prints, at the end of its fork, the bytes
 * allocated by the calling thread alone per call ({@code [tracked-bench] caller thread}), which
 * {@code -prof gc} cannot separate from the agent's own thread.
 *
 * <p>Run {@code -prof gc} to see the allocation per call ({@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TrackedCallBenchmark {

  static final int BURST = 256;

  /** Work between two paced calls: {@code Blackhole.consumeCPU} tokens, a few microseconds. */
  static final long PACE_TOKENS = 4_000;

  /** The arguments, read from fields so that the JIT cannot treat them as constants. */
  @State(Scope.Thread)
  public static class Call {
    public boolean accepted = true;
    public String modelName = "gpt-4o-mini";
    public long time = 184; // outside Long's cache: boxing it allocates, as for most real durations

    AutocompleteHost host;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
      host = new AutocompleteHost(blackhole);
    }
  }

  /** Forks without the agent: checks that it really is absent. */
  @State(Scope.Thread)
  public static class NoAgent {
    @Setup(Level.Trial)
    public void check() {
      if (AgentProbe.agentLoaded()) {
        throw new IllegalStateException("this variant must run without the agent, but it is loaded: "
            + "drop any -javaagent from -jvmArgs/-jvmArgsAppend");
      }
    }
  }

  /** Forks with consent off: waits until the advice's fast path is in force. */
  @State(Scope.Thread)
  public static class ConsentOff {
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      writeConfig(BenchmarkPaths.CONSENT_OFF_DIR, false);
      AgentProbe.connect().awaitCapturing(false, 10_000);
    }
  }

  /**
   * Forks with consent on: proves, before measuring, that the method is woven and that a call really
   * becomes an event (it waits for it in the scratch outbox); after the trial, reports drops.
   */
  @State(Scope.Thread)
  public static class ConsentOn {
    AgentProbe probe;
    long droppedBefore;
    long calls; // counted by the saturated variant only

    @Setup(Level.Trial)
    public void setUp(Call call) throws IOException {
      writeConfig(BenchmarkPaths.CONSENT_ON_DIR, true);
      Path outbox = Paths.get(BenchmarkPaths.CONSENT_ON_DIR, "outbox.jsonl");
      // The outbox is opened at the first event, and nothing was called yet: safe to start empty.
      Files.deleteIfExists(outbox);
      Files.deleteIfExists(outbox.resolveSibling("outbox.jsonl.1"));
      probe = AgentProbe.connect();
      probe.awaitCapturing(true, 10_000);
      call.host.suggestionSettled(call.accepted, call.modelName, call.time);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (!containsEvent(outbox, "\"event\":\"autocomplete\"")) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("a call of the @Tracked method produced no event in " + outbox
              + " within 15 s: the method is not woven, or consent is off");
        }
        LockSupport.parkNanos(20_000_000);
      }
      droppedBefore = probe.dropped();
    }

    @TearDown(Level.Trial)
    public void report() {
      long dropped = probe.dropped() - droppedBefore;
      if (calls > 0) {
        System.out.printf("%n[tracked-bench] %,d calls measured+warmup, %,d dropped by the full queue (%.1f%%),"
            + " %,d accepted%n", calls, dropped, 100.0 * dropped / calls, calls - dropped);
      } else if (dropped > 0) {
        System.out.printf("%n[tracked-bench] WARNING: %,d calls were dropped; this variant should drop none%n",
            dropped);
      }
    }
  }

  /** Before each timed invocation: the queue is empty and the agent's thread is parked. */
  @State(Scope.Thread)
  public static class DrainedQueue {
    AgentProbe probe;

    @Setup(Level.Trial)
    public void connect() {
      probe = AgentProbe.connect();
    }

    @Setup(Level.Invocation)
    public void awaitIdle() {
      probe.awaitIdle(10_000);
    }
  }

  /**
   * Bytes allocated by the benchmark's own thread (the host's caller thread) per call, measured with
   * the JVM's per-thread allocation counter over every iteration of the fork, printed at its end.
   */
  @State(Scope.Thread)
  public static class CallerThread {
    private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
        .getThreadMXBean();
    long calls;
    private long bytes;
    private long before;

    @Setup(Level.Iteration)
    public void start() {
      before = threads.getCurrentThreadAllocatedBytes();
    }

    @TearDown(Level.Iteration)
    public void stop() {
      bytes += threads.getCurrentThreadAllocatedBytes() - before;
    }

    @TearDown(Level.Trial)
    public void report() {
      System.out.printf("%n[tracked-bench] caller thread: %.1f bytes allocated per call over %,d calls%n",
          calls == 0 ? 0.0 : (double) bytes / calls, calls);
    }
  }

  // ---- no agent ----

  @Benchmark
  @Fork(2)
  public void plain(Call call, NoAgent noAgent) {
    call.host.suggestionSettledPlain(call.accepted, call.modelName, call.time);
  }

  @Benchmark
  @Fork(2)
  public void annotatedNoAgent(Call call, NoAgent noAgent) {
    call.host.suggestionSettled(call.accepted, call.modelName, call.time);
  }

  /**
   * What the timestamp of an accepted call costs on this machine: the dispatcher takes
   * {@code System.currentTimeMillis()} on the caller's thread (issue 8: the event's time is the
   * call's), the largest single piece of an accepted call.
   */
  @Benchmark
  @Fork(2)
  public long clockMillis(NoAgent noAgent) {
    return System.currentTimeMillis();
  }

  // ---- agent, consent off ----

  @Benchmark
  @Fork(value = 2, jvmArgsAppend = BenchmarkPaths.AGENT_CONSENT_OFF)
  public void trackedConsentOff(Call call, ConsentOff consentOff) {
    call.host.suggestionSettled(call.accepted, call.modelName, call.time);
  }

  // ---- agent, consent on ----

  @Benchmark
  @Fork(value = 2, jvmArgsAppend = BenchmarkPaths.AGENT_CONSENT_ON)
  public void plainWithAgent(Call call, ConsentOn consentOn) {
    call.host.suggestionSettledPlain(call.accepted, call.modelName, call.time);
  }

  @Benchmark
  @Fork(value = 2, jvmArgsAppend = BenchmarkPaths.AGENT_CONSENT_ON)
  public void trackedConsentOnSaturated(Call call, ConsentOn consentOn) {
    consentOn.calls++;
    call.host.suggestionSettled(call.accepted, call.modelName, call.time);
  }

  @Benchmark
  @OperationsPerInvocation(BURST)
  @Fork(value = 2, jvmArgsAppend = BenchmarkPaths.AGENT_CONSENT_ON)
  public void trackedConsentOnBurst(Call call, ConsentOn consentOn, DrainedQueue drained) {
    for (int i = 0; i < BURST; i++) {
      call.host.suggestionSettled(call.accepted, call.modelName, call.time);
    }
  }

  // ---- paced: realistic work between calls; the difference to pacedPlain is the agent's cost ----

  @Benchmark
  @Fork(2)
  public void pacedPlain(Call call, NoAgent noAgent, CallerThread caller) {
    Blackhole.consumeCPU(PACE_TOKENS);
    caller.calls++;
    call.host.suggestionSettledPlain(call.accepted, call.modelName, call.time);
  }

  @Benchmark
  @Fork(value = 2, jvmArgsAppend = BenchmarkPaths.AGENT_CONSENT_ON)
  public void pacedTrackedConsentOn(Call call, ConsentOn consentOn, CallerThread caller) {
    Blackhole.consumeCPU(PACE_TOKENS);
    caller.calls++;
    call.host.suggestionSettled(call.accepted, call.modelName, call.time);
  }

  @Benchmark
  @Fork(value = 2, jvmArgsAppend = BenchmarkPaths.AGENT_CONSENT_OFF)
  public void pacedTrackedConsentOff(Call call, ConsentOff consentOff, CallerThread caller) {
    Blackhole.consumeCPU(PACE_TOKENS);
    caller.calls++;
    call.host.suggestionSettled(call.accepted, call.modelName, call.time);
  }

  static void writeConfig(String continueDir, boolean allowed) throws IOException {
    Path dir = Paths.get(continueDir);
    Files.createDirectories(dir);
    Path config = dir.resolve("config.json");
    String json = "{\"allowAnonymousTelemetry\": " + allowed + "}\n";
    if (!Files.exists(config) || !Files.readString(config, StandardCharsets.UTF_8).equals(json)) {
      Files.writeString(config, json, StandardCharsets.UTF_8);
    }
  }

  static boolean containsEvent(Path outbox, String needle) throws IOException {
    return Files.exists(outbox) && Files.readString(outbox, StandardCharsets.UTF_8).contains(needle);
  }
}
