package io.tracked.sample;

import io.tracked.sample.settings.TelemetrySettings;
import java.util.Random;

/**
 * The person at the keyboard, scripted: takes one action at a time at the chosen pace, and decides
 * about suggestions with a seeded random generator so that every run with the same seed is the same.
 * Before each action the editor consults the telemetry switch, as a real host checks its setting
 * before reporting anything.
 */
final class ScriptedUser {

  /** How often the user takes a suggestion after the first two (one accepted, one rejected). */
  private static final int ACCEPT_PERCENT = 65;

  private final Random random;
  private final long paceMs;
  private final TelemetrySettings settings;
  private int actions;
  private int actionsWithTelemetry;

  ScriptedUser(long seed, long paceMs, TelemetrySettings settings) {
    this.random = new Random(seed);
    this.paceMs = paceMs;
    this.settings = settings;
  }

  void act(Runnable action) {
    if (actions > 0) {
      pause();
    }
    if (settings.telemetryEnabled()) {
      actionsWithTelemetry++;
    }
    actions++;
    action.run();
  }

  /**
   * Whether the user takes the {@code index}-th suggestion of the session (from 0). The first is
   * always taken and the second never, so that every session shows both outcomes.
   */
  boolean acceptsSuggestion(int index) {
    if (index == 0) {
      return true;
    }
    if (index == 1) {
      return false;
    }
    return random.nextInt(100) < ACCEPT_PERCENT;
  }

  int actions() {
    return actions;
  }

  int actionsWithTelemetry() {
    return actionsWithTelemetry;
  }

  private void pause() {
    if (paceMs <= 0) {
      return;
    }
    try {
      Thread.sleep(paceMs);
    } catch (InterruptedException e) {
      // Keep the interrupt for whoever owns this thread; the session just goes on without pausing.
      Thread.currentThread().interrupt();
    }
  }
}
