package io.tracked.agent.pipeline;

import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.event.EventIds;
import io.tracked.agent.event.EventProperties;
import io.tracked.agent.event.FieldPath;
import io.tracked.agent.event.PropertyNames;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.sanitize.SequenceGuard;
import io.tracked.agent.sanitize.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a captured call into an {@link Event}: every argument, the return value and the exception
 * type are judged by {@link PropertyNames} (the name rules, then the {@link Sanitizer} on the value);
 * only what passes becomes a property. The common properties are added last, so a captured argument
 * can never overwrite them.
 */
public final class EventFactory {

  private final Sanitizer sanitizer;
  private final EventProperties.Common commonProperties;
  private final Supplier<String> distinctId;
  private final SequenceGuard sequences = new SequenceGuard();
  private final EventIds ids = new EventIds();

  public EventFactory(Sanitizer sanitizer, Map<String, Object> commonProperties, Supplier<String> distinctId) {
    this.sanitizer = sanitizer;
    this.commonProperties = new EventProperties.Common(commonProperties);
    this.distinctId = distinctId;
  }

  /**
   * Forgets every captured value kept in memory to judge later ones (the sanitizer's remembered
   * verdicts, the last fragment of each typed sequence): the user opted out. Any thread.
   */
  public void forgetValues() {
    sanitizer.forgetValues();
    sequences.forgetValues();
  }

  public Event build(CapturedCall call) {
    EventBinding binding = call.binding();
    List<String> names = binding.argumentProperties();
    Map<String, Object> properties = new LinkedHashMap<>(8);
    Object[] arguments = call.arguments();
    for (int i = 0; i < names.size() && arguments != null && i < arguments.length; i++) {
      if (!names.get(i).isEmpty()) {
        add(call, properties, names.get(i), arguments[i]);
      }
    }
    for (EventBinding.FieldCapture field : binding.fieldCaptures()) {
      Object value = field.read(arguments);
      if (value == FieldPath.UNREADABLE) {
        AgentLog.debug(binding.eventName() + "." + field.property() + " dropped: the field cannot be read");
      } else {
        add(call, properties, field.property(), value);
      }
    }
    if (binding.returnProperty() != null && call.exceptionType() == null) {
      add(call, properties, binding.returnProperty(), call.returned());
    }
    if (call.exceptionType() != null) {
      add(call, properties, PropertyNames.EXCEPTION, call.exceptionType());
    }
    // The uuid is made here, once: every copy of this event (outbox, spool, each retry) carries it.
    // The common properties come last, and are not copied into each event (see EventProperties).
    return new Event(ids.next(), binding.eventName(), distinctId.get(),
        new EventProperties(properties, commonProperties), call.epochMillis());
  }

  private void add(CapturedCall call, Map<String, Object> properties, String name, Object value) {
    EventBinding binding = call.binding();
    Verdict verdict = sequences.screen(binding.eventName(), name, value,
        PropertyNames.judge(sanitizer, name, value, binding.generatedId(name)), call.epochMillis());
    if (verdict.reason() == SequenceGuard.REASON) {
      if (AgentLog.debugEnabled()) { // said once, not once per character
        AgentLog.once("typed-sequence " + binding.eventName() + "." + name, binding.eventName() + "." + name
            + " is no longer sent: its values are single characters or short fragments in quick succession,"
            + " which together could spell what the user typed");
      }
      return;
    }
    if (verdict.sendable()) {
      properties.put(name, verdict.value());
      if (verdict.action() == Verdict.Action.REDACT) {
        AgentLog.debug(binding.eventName() + "." + name + " partly dropped: " + verdict.reason());
      }
    } else {
      AgentLog.debug(binding.eventName() + "." + name + " dropped: " + verdict.reason());
    }
  }
}
