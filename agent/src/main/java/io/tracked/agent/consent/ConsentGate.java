package io.tracked.agent.consent;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.AgentSettings;
import io.tracked.agent.log.AgentLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides, from every {@link ConsentSwitch}, whether telemetry may flow. Until the switches have
 * been read once the state is {@link State#UNKNOWN}: calls may be captured into memory but nothing
 * is built or sent. The switches are re-read every second on a daemon thread, so a change takes
 * effect while the host runs; listeners hear each change (the pipeline discards what is pending when
 * consent turns off).
 */
public final class ConsentGate {

  public enum State { UNKNOWN, ON, OFF }

  /** Told of every change of the combined decision. */
  public interface Listener {
    void consentChanged(boolean allowed);
  }

  static final long POLL_MILLIS = 1000;

  private final List<ConsentSwitch> switches;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile State state = State.UNKNOWN;
  private volatile List<SwitchReading> readings = List.of();
  private List<String> reportedProblems = List.of();
  private ScheduledExecutorService poller;

  public ConsentGate(List<ConsentSwitch> switches) {
    this.switches = List.copyOf(switches);
  }

  /** The switches of the contract that this version honours, for the given settings. */
  public static ConsentGate forSettings(AgentSettings settings, Map<String, String> environment) {
    return new ConsentGate(List.of(
        new DoNotTrackSwitch(environment),
        new ContinueConfigSwitch(settings.configFile())));
  }

  public State state() {
    return state;
  }

  public boolean allowsSending() {
    return state == State.ON;
  }

  public boolean allowsCapture() {
    return state != State.OFF;
  }

  public List<SwitchReading> readings() {
    return readings;
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** Reads every switch now and applies the result. Never throws. */
  public synchronized State refresh() {
    List<SwitchReading> current = new ArrayList<>(switches.size());
    boolean allowed = true;
    for (ConsentSwitch consentSwitch : switches) {
      SwitchReading reading;
      try {
        reading = consentSwitch.read();
      } catch (RuntimeException | Error broken) {
        reading = SwitchReading.unreadable(consentSwitch.getClass().getSimpleName(), "agent",
            "consent switch failed: " + broken + "; telemetry stays off");
      }
      current.add(reading);
      allowed &= reading.allows();
    }
    reportProblems(current);
    readings = List.copyOf(current);
    State next = allowed ? State.ON : State.OFF;
    State previous = state;
    if (next != previous) {
      state = next;
      TrackedBridge.setCapturing(allowed);
      if (previous != State.UNKNOWN) {
        AgentLog.debug("consent changed: telemetry " + (allowed ? "on" : "off") + " because " + describe());
      }
      for (Listener listener : listeners) {
        try {
          listener.consentChanged(allowed);
        } catch (RuntimeException ignored) {
          // one broken listener must not keep the others from hearing an opt-out
        }
      }
    }
    return next;
  }

  private void reportProblems(List<SwitchReading> current) {
    List<String> problems = new ArrayList<>();
    for (SwitchReading reading : current) {
      if (reading.problem() != null) {
        problems.add(reading.problem());
        if (!reportedProblems.contains(reading.problem())) {
          AgentLog.info(reading.problem());
        }
      }
    }
    reportedProblems = problems;
  }

  public String describe() {
    StringBuilder text = new StringBuilder();
    for (SwitchReading reading : readings) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(reading.describe());
    }
    return text.toString();
  }

  /** Starts re-reading the switches every second on a daemon thread. */
  public synchronized void startPolling() {
    if (poller != null) {
      return;
    }
    poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "tracked-consent");
      thread.setDaemon(true);
      return thread;
    });
    poller.scheduleWithFixedDelay(this::refresh, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  public synchronized void stopPolling() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }
}
