package io.tracked.benchmarks;

import io.tracked.api.Tracked;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The host code being measured: an editor's "a suggestion was accepted or rejected" hook, in two
 * twins with the same body, one annotated and one not. The arguments are the realistic kinds a
 * tracked method receives (a boolean, a model name, a duration in ms), as in the sample editor's
 * {@code autocomplete} event.
 *
 * <p>The body hands every argument to JMH's {@link Blackhole}: it costs the same in both twins, and it
 * keeps the JIT from deleting the call as dead code, which would leave nothing to compare. This class
 * is separate from the benchmark class so that the agent weaves only it (the agent weaves classes
 * that declare a {@code @Tracked} method) and not JMH's generated subclasses.
 */
public final class AutocompleteHost {

  private final Blackhole blackhole;

  AutocompleteHost(Blackhole blackhole) {
    this.blackhole = blackhole;
  }

  /** The un-annotated twin: what the host pays with no telemetry at all. */
  public void suggestionSettledPlain(boolean accepted, String modelName, long time) {
    blackhole.consume(accepted);
    blackhole.consume(modelName);
    blackhole.consume(time);
  }

  /** The annotated twin: with the agent, its exit gets the inlined {@code TrackedAdvice}. */
  @Tracked("autocomplete")
  public void suggestionSettled(boolean accepted, String modelName, long time) {
    blackhole.consume(accepted);
    blackhole.consume(modelName);
    blackhole.consume(time);
  }
}
