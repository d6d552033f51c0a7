package io.tracked.agent.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent's thread pauses only while calls are dropped at a flood's rate, and works at full speed
 * otherwise: a paced host that outruns it, an idle host, the end of a flood.
 */
class FloodBackoffTest {

  /** A clock and a drop count the test moves, and the pauses asked for. */
  private static final class Scripted extends FloodBackoff {
    long now = 1_000_000_000L;
    long dropped;
    final List<Long> pauses = new ArrayList<>();

    Scripted() {
      super(null);
    }

    @Override
    long now() {
      return now;
    }

    @Override
    long dropped() {
      return dropped;
    }

    @Override
    void pause(long nanos) {
      pauses.add(nanos);
      now += nanos;
    }

    /** The agent takes calls for {@code nanos} while the host drops at {@code dropsPerSecond}. */
    void run(long nanos, long dropsPerSecond) {
      for (long t = 0; t < nanos; t += 100_000) {
        beforeTake();
        now += 100_000;
        dropped += dropsPerSecond / 10_000;
      }
    }
  }

  @Test
  void noDropsNoPause() {
    Scripted backoff = new Scripted();
    backoff.run(1_000_000_000L, 0);
    assertEquals(List.of(), backoff.pauses);
  }

  @Test
  void aPacedHostThatOutrunsTheAgentIsNotAFlood() {
    Scripted backoff = new Scripted();
    backoff.run(1_000_000_000L, 200_000); // drops 200k calls/s: the agent keeps working to save what it can
    assertEquals(List.of(), backoff.pauses);
  }

  @Test
  void aFloodGetsTheAgentToPauseAfterEachSlice() {
    Scripted backoff = new Scripted();
    backoff.run(100_000_000L, 20_000_000); // 20 million drops per second
    long paused = backoff.pauses.stream().mapToLong(Long::longValue).sum();
    assertEquals(FloodBackoff.PAUSE_NANOS, (long) backoff.pauses.get(0));
    // Of every slice plus pause, the agent works one slice: a tenth of a core.
    long slices = backoff.pauses.size();
    assertEquals(slices * FloodBackoff.PAUSE_NANOS, paused);
    assertTrue(slices >= 4, "pauses: " + backoff.pauses);
  }

  @Test
  void whenTheFloodStopsTheAgentWorksAtFullSpeedAgain() {
    Scripted backoff = new Scripted();
    backoff.run(50_000_000L, 20_000_000);
    int duringFlood = backoff.pauses.size();
    backoff.run(FloodBackoff.SLICE_NANOS, 0); // the slice the flood ended in
    backoff.run(500_000_000L, 0);
    assertTrue(duringFlood > 0);
    assertTrue(backoff.pauses.size() <= duringFlood + 1,
        "at most the slice the flood ended in may still pause: " + backoff.pauses);
  }
}
