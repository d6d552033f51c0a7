package io.tracked.benchmarks;

import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.event.SerializedEvent;
import io.tracked.agent.pipeline.CommonProperties;
import io.tracked.agent.pipeline.EventFactory;
import io.tracked.agent.sanitize.Sanitizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does one event cost the agent's own thread, from a captured call to the JSON that goes
 * to PostHog, the outbox and the spool?
 *
 * <p>This is the work of thread {@code tracked-events} per call, without the hand-off or the network:
 * {@link EventFactory#build} (every argument through the name rules, the {@link Sanitizer} and the
 * typed-sequence guard; the uuid; the common properties) and {@link SerializedEvent#of} (the one
 * serialization). The calls are those of the throughput benchmark's host: {@code autocomplete(accepted,
 * modelName, time)}, with a model name drawn from a few that repeat (as they do in an editor) and a time
 * that never does. Run with {@code -prof gc} for the bytes it allocates per event, which the host's
 * threads pay for in collections.
 *
 * <p>The classes under test come from the packaged {@code tracked-agent.jar}, appended to the fork's
 * boot class path: {@code benchmarks.jar} carries only the sanitizer of the agent (a full copy there
 * would shadow the agent in the forks that run it with {@code -javaagent}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Xbootclasspath/a:" + BenchmarkPaths.AGENT_JAR)
public class EventBuildBenchmark {

  private static final String[] MODELS = {"gpt-4o-mini", "claude-3-5-sonnet-20241022", "llama3.1:8b",
      "codestral-latest", "gpt-4o"};

  private final EventBinding binding = new EventBinding("io.tracked.benchmarks.hosts.EarlyWork",
      "suggestionSettled", "(ZLjava/lang/String;J)I", "autocomplete", List.of("accepted", "modelName", "time"),
      null, false);
  private EventFactory factory;
  private long calls;

  @Setup
  public void setUp() {
    factory = new EventFactory(new Sanitizer(), CommonProperties.detect("sample-editor", "1.0.0"),
        () -> "3f1c2a9e-5b7d-4e8f-9a6b-1c2d3e4f5a6b");
  }

  @Benchmark
  public SerializedEvent buildAndSerialize() {
    long n = calls++;
    CapturedCall call = new CapturedCall(binding,
        new Object[] {(n & 1) == 0, MODELS[(int) (n % MODELS.length)], 1000 + n}, 3, null,
        1_764_570_000_000L + n);
    return SerializedEvent.of(factory.build(call));
  }
}
