package io.tracked.agent.weaving;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.MethodSpec;
import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.weaving.cache.WeaveRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Everything weaving tells the running agent, in one place: method bindings and their ids, event
 * keys, host switches, {@code methods} entries that cannot fire, {@code debug} lines. While Byte
 * Buddy weaves a class, each step is also written down ({@link #record()}), so the weave cache can
 * keep it next to the woven bytes; a later start {@link #replay replays} the steps instead of
 * weaving. No Byte Buddy type appears here: a start served from the cache must not load one.
 */
public final class WeaveRegistry {

  /** The method id and event key compiled into one method's advice. */
  record Ids(int methodId, int eventKey) {}

  private final MethodBindings bindings;
  private final MethodsOption methods;
  private final Consumer<String> switchDeclared;
  private final AdviceFailures failures = new AdviceFailures();
  private final Set<String> configuredSeen = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<Recording> recording = new ThreadLocal<>();
  private final AtomicBoolean reportScheduled = new AtomicBoolean();

  /**
   * @param switchDeclared told of each host {@code @TelemetrySwitch} method as its class is woven
   */
  public WeaveRegistry(MethodBindings bindings, MethodsOption methods, Consumer<String> switchDeclared) {
    this.bindings = bindings;
    this.methods = methods;
    this.switchDeclared = switchDeclared;
    // Woven code, fresh or from the cache, reports what its advice throws here.
    TrackedBridge.installFailureListener(failures);
  }

  MethodsOption methods() {
    return methods;
  }

  /** Registers a tracked method: the ids its advice is compiled with. */
  Ids event(EventBinding binding) {
    Ids ids = new Ids(bindings.register(binding), bindings.eventKey(binding.eventName()));
    Recording current = recording.get();
    if (current != null) {
      current.steps.add(new WeaveRecord.Event(binding, ids.methodId(), ids.eventKey()));
    }
    return ids;
  }

  /** Registers a host {@code @TelemetrySwitch} method ({@code Class#method}): the id its advice is compiled with. */
  int hostSwitch(String method) {
    int id = bindings.registerSwitch(method);
    switchDeclared.accept(method);
    Recording current = recording.get();
    if (current != null) {
      current.steps.add(new WeaveRecord.Switch(method, id));
    }
    return id;
  }

  /** A problem reported once per process under {@code key}. */
  void problem(String key, String message) {
    AgentLog.once(key, message);
    Recording current = recording.get();
    if (current != null) {
      current.steps.add(new WeaveRecord.Problem(key, message));
    }
  }

  /** A {@code debug=true} line about weaving. */
  void debug(String line) {
    AgentLog.debug(line);
    Recording current = recording.get();
    if (current != null) {
      current.steps.add(new WeaveRecord.Debug(line));
    }
  }

  /** A class named by the {@code methods} option has loaded: true the first time. */
  boolean configuredLoaded(String className) {
    Recording current = recording.get();
    if (current != null) {
      current.steps.add(new WeaveRecord.Configured(className));
    }
    return configuredSeen.add(className);
  }

  /** The weave of the class being recorded on this thread failed: it must not be cached. */
  void failed() {
    Recording current = recording.get();
    if (current != null) {
      current.failed = true;
    }
  }

  /** Starts writing down what weaving one class registers, on this thread, until {@link Recording#close()}. */
  Recording record() {
    Recording started = new Recording(recording.get());
    recording.set(started);
    return started;
  }

  /** The steps of one class's weave. */
  final class Recording implements AutoCloseable {
    private final Recording outer;
    final List<WeaveRecord.Step> steps = new ArrayList<>();
    boolean failed;

    private Recording(Recording outer) {
      this.outer = outer;
    }

    /**
     * The record to cache, or {@code null} when the weave failed, or ran while another class was being
     * woven on this thread: Byte Buddy refuses such a nested weave (its circularity lock) and leaves
     * the class unchanged, which must not be kept as what the class becomes.
     */
    WeaveRecord result(byte[] woven) {
      return failed || outer != null ? null : new WeaveRecord(woven, steps);
    }

    @Override
    public void close() {
      // A class loaded while another was being woven has its own recording; the outer one resumes.
      if (outer == null) {
        recording.remove();
      } else {
        recording.set(outer);
      }
    }
  }

  /**
   * Redoes what weaving the class registered in an earlier run, so its cached bytes work: takes back
   * every id they carry, then declares its switches and reports its problems and debug lines. False
   * when this run already gave one of those ids to something else: the class must then be woven
   * afresh (ids taken so far stay with their own bindings, which is harmless).
   */
  boolean replay(WeaveRecord record) {
    for (WeaveRecord.Step step : record.steps()) {
      if (step instanceof WeaveRecord.Event) {
        WeaveRecord.Event event = (WeaveRecord.Event) step;
        if (!bindings.claim(event.methodId(), event.binding())
            || !bindings.claimEventKey(event.eventKey(), event.binding().eventName())) {
          return false;
        }
      } else if (step instanceof WeaveRecord.Switch) {
        WeaveRecord.Switch hostSwitch = (WeaveRecord.Switch) step;
        if (!bindings.claimSwitch(hostSwitch.switchId(), hostSwitch.method())) {
          return false;
        }
      }
    }
    for (WeaveRecord.Step step : record.steps()) {
      if (step instanceof WeaveRecord.Switch) {
        switchDeclared.accept(((WeaveRecord.Switch) step).method());
      } else if (step instanceof WeaveRecord.Problem) {
        WeaveRecord.Problem problem = (WeaveRecord.Problem) step;
        AgentLog.once(problem.key(), problem.message());
      } else if (step instanceof WeaveRecord.Debug) {
        AgentLog.debug(((WeaveRecord.Debug) step).line());
      } else if (step instanceof WeaveRecord.Configured) {
        configuredSeen.add(((WeaveRecord.Configured) step).className());
      }
    }
    return true;
  }

  /**
   * With {@code debug=true}: at exit, the entries whose class never loaded, and how matching went.
   * Scheduled once, whether classes came from Byte Buddy or from the cache.
   *
   * @param extra more of the summary line, as its {@code toString()} reads at exit (the cache's counts), or
   *     {@code null}
   */
  public void reportAtExitWhenDebugging(Object extra) {
    if (!AgentLog.debugEnabled() || !reportScheduled.compareAndSet(false, true)) {
      return;
    }
    Thread hook = new Thread(new Runnable() {
      @Override
      public void run() {
        reportAtExit(extra);
      }
    }, "tracked-weaving-report");
    hook.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  void reportAtExit(Object extra) {
    for (String className : methods.classNames()) {
      if (!configuredSeen.contains(className)) {
        for (MethodSpec spec : methods.specsFor(className)) {
          AgentLog.debug("methods entry " + spec.text() + " never fired: " + className + " was not loaded in this"
              + " run. Fix: check the class name (binary name, e.g. com.example.Outer$Inner), or run"
              + " `java -jar tracked-agent.jar status --methods SPEC your-app.jar`");
        }
      }
    }
    AgentLog.debug("matching: " + CandidateGate.describe() + "; " + bindings.size() + " methods woven; "
        + failures.count() + " advice failures" + (extra == null ? "" : "; " + extra));
  }
}
