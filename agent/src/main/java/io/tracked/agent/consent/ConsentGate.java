package io.tracked.agent.consent;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.AgentSettings;
import io.tracked.agent.log.AgentLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Decides, from every {@link ConsentSwitch}, whether telemetry may flow: on only while all allow it.
 * Until every switch has said something the state is {@link State#UNKNOWN}: calls may be held in
 * memory but nothing is built or sent. The switches are re-read when a watched file changes (the
 * watch is set up at the first poll), when the host's switch reports a new value, and every second in
 * any case, on one daemon thread, so a change takes effect within two seconds while the host runs.
 *
 * <p>This object is the one place consent is enforced through. Every checkpoint asks it, and nothing
 * else decides:
 * <ol>
 *   <li><b>The capture path</b> ({@code TrackedBridge.capturing()}, read by the woven advice): written
 *       only here, open while the state is not {@code OFF} ({@link #openCapture}, {@link #refresh}),
 *       closed for good if the pipeline stops ({@link #closeCapture}).</li>
 *   <li><b>The hand-off</b> ({@code Dispatcher.onCall}, on the host's thread): {@link #allowsCapture()};
 *       a call that arrives while consent is off is not kept.</li>
 *   <li><b>Building</b> ({@code EventPipeline}): nothing is built while the state is
 *       {@code UNKNOWN}, and {@link #allowsSending()} is asked before each event is built.</li>
 *   <li><b>Every request</b> ({@code PostHogDelivery}): {@link #allowsSending()} before each batch is
 *       posted, new or replayed from the spool, and before what is left at exit is kept.</li>
 *   <li><b>Opt-out</b>: {@link Listener}s hear every change; on a change to off, each holder discards
 *       what it holds by name, without sending anything: {@code Dispatcher.discardPending} (captured
 *       calls), {@code PostHogDelivery.discardPending} (the queue, the batch on the wire, the spool),
 *       {@code AnonymousId.reset} (the id).</li>
 * </ol>
 */
public final class ConsentGate {

  public enum State { UNKNOWN, ON, OFF }

  /** Told of every change of the combined decision, including the first one. */
  public interface Listener {
    void consentChanged(boolean allowed);
  }

  static final long POLL_MILLIS = 1000;
  static final long SETTLE_MILLIS = 50;

  private final List<ConsentSwitch> switches;
  /**
   * Read live, not only at the next refresh: the host's own switch turning telemetry off is known on
   * the host's thread the moment it happens, so a call the host makes right after is never captured.
   */
  private final HostSwitch host;
  private final List<Path> watchedFiles;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile State state = State.UNKNOWN;
  private volatile boolean captureClosed;
  private volatile List<SwitchReading> readings = List.of();
  private List<String> reportedProblems = List.of();
  // Starting and stopping take this lock, never the gate's own monitor: refresh() holds that one while
  // it reads files, and the shutdown path must not wait behind a read that a hostile file could stall.
  private final Object lifecycle = new Object();
  private volatile ConsentPoller poller;
  private ConsentWatcher watcher;
  private boolean watcherStarted; // read and written by the poller's thread only, reset under lifecycle
  // Made on the host's start-up path (the host switch holds it), so a small class, not a lambda.
  private final Runnable refreshSoon = new Runnable() {
    @Override
    public void run() {
      refreshSoon();
    }
  };

  public ConsentGate(List<ConsentSwitch> switches, List<Path> watchedFiles) {
    this.switches = List.copyOf(switches);
    this.watchedFiles = List.copyOf(watchedFiles);
    HostSwitch found = null;
    for (ConsentSwitch consentSwitch : switches) {
      if (consentSwitch instanceof HostSwitch) {
        found = (HostSwitch) consentSwitch;
      }
    }
    this.host = found;
  }

  public ConsentGate(List<ConsentSwitch> switches) {
    this(switches, List.of());
  }

  /** Every switch of the contract, for the given settings and the host's switch. */
  public static ConsentGate forSettings(AgentSettings settings, Map<String, String> environment, HostSwitch host) {
    Path globalContext = settings.continueDirectory().resolve("index").resolve("globalContext.json");
    ConsentGate gate = new ConsentGate(List.of(
        new DoNotTrackSwitch(environment),
        new ContinueConfigSwitch(settings.configFile()),
        new GlobalContextSwitch(globalContext),
        host), List.of(settings.configFile(), globalContext));
    host.onChange(gate.refreshSoon);
    return gate;
  }

  public State state() {
    return state;
  }

  public boolean allowsSending() {
    return state == State.ON && !hostTurnedOff();
  }

  public boolean allowsCapture() {
    return state != State.OFF && !hostTurnedOff();
  }

  private boolean hostTurnedOff() {
    return host != null && host.turnedOff();
  }

  /** Opens the capture path for the current state (while unknown, calls are held): at start. */
  public void openCapture() {
    TrackedBridge.setCapturing(state != State.OFF && !captureClosed);
  }

  /** Closes the capture path for good: nothing takes captured calls any more (the pipeline stopped). */
  public void closeCapture() {
    captureClosed = true;
    TrackedBridge.setCapturing(false);
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
    boolean denied = false;
    boolean unknown = false;
    for (ConsentSwitch consentSwitch : switches) {
      SwitchReading reading;
      try {
        reading = consentSwitch.read();
      } catch (RuntimeException | Error broken) {
        reading = SwitchReading.unreadable(consentSwitch.getClass().getSimpleName(), "agent",
            "consent switch failed: " + broken + "; telemetry stays off");
      }
      current.add(reading);
      denied |= reading.known() && !reading.allows();
      unknown |= !reading.known();
    }
    reportProblems(current);
    readings = List.copyOf(current);
    State next = denied ? State.OFF : unknown ? State.UNKNOWN : State.ON;
    State previous = state;
    if (next != previous) {
      state = next;
      TrackedBridge.setCapturing(next != State.OFF && !captureClosed);
      AgentLog.debug("consent: telemetry " + describeState(next) + " because " + describe());
      if (next != State.UNKNOWN) {
        for (Listener listener : listeners) {
          try {
            listener.consentChanged(next == State.ON);
          } catch (RuntimeException ignored) {
            // one broken listener must not keep the others from hearing an opt-out
          }
        }
      }
    }
    return next;
  }

  public static String describeState(State state) {
    return state == State.ON ? "on" : state == State.OFF ? "off" : "waiting for every switch";
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

  /** Starts re-reading the switches: on file changes, on host reports, and every second. */
  public void startPolling() {
    synchronized (lifecycle) {
      if (poller != null) {
        return;
      }
      watcherStarted = false;
      ConsentPoller started = new ConsentPoller(this, POLL_MILLIS, SETTLE_MILLIS);
      poller = started;
      started.start();
    }
  }

  /**
   * Called by the poller after each one-second poll's wait, before it reads. Watching the files only
   * makes a change apply sooner than the next poll, so the watch is set up here, at the first poll, a
   * second after the start: a host that lives less than that never pays for a watch service and its
   * thread, and the poll alone applies any earlier change.
   */
  void polled() {
    if (watcherStarted) {
      return;
    }
    watcherStarted = true;
    ConsentWatcher started = ConsentWatcher.start(watchedFiles, refreshSoon);
    synchronized (lifecycle) {
      if (poller == null || watcher != null) {
        started.close(); // stopped meanwhile
      } else {
        watcher = started;
      }
    }
  }

  /** Re-reads the switches shortly, on the consent thread; callable from any thread, never blocks. */
  public void refreshSoon() {
    ConsentPoller current = poller;
    if (current != null) {
      current.requestSoon();
    }
  }

  /** Stops re-reading; never waits for a read in progress (its thread is a daemon). */
  public void stopPolling() {
    synchronized (lifecycle) {
      if (watcher != null) {
        watcher.close();
        watcher = null;
      }
      if (poller != null) {
        poller.stopPolling();
        poller = null;
      }
    }
  }
}
