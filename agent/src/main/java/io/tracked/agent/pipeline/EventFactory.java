package io.tracked.agent.pipeline;

import io.tracked.agent.event.CapturedCall;
import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.event.FieldPath;
import io.tracked.agent.event.PropertyNames;
import io.tracked.agent.log.AgentLog;
import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.sanitize.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns a captured call into an {@link Event}: every argument, the return value and the exception
 * type are judged by {@link PropertyNames} (the name rules, then the {@link Sanitizer} on the value);
 * only what passes becomes a property. The common properties are added last, so a captured argument
 * can never overwrite them.
 */
public final class EventFactory {

  private final Sanitizer sanitizer;
  private final Map<String, Object> commonProperties;
  private final Supplier<String> distinctId;

  public EventFactory(Sanitizer sanitizer, Map<String, Object> commonProperties, Supplier<String> distinctId) {
    this.sanitizer = sanitizer;
    this.commonProperties = commonProperties;
    this.distinctId = distinctId;
  }

  public Event build(CapturedCall call) {
    EventBinding binding = call.binding();
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> names = binding.argumentProperties();
    Object[] arguments = call.arguments();
    for (int i = 0; i < names.size() && arguments != null && i < arguments.length; i++) {
      if (!names.get(i).isEmpty()) {
        add(binding, properties, names.get(i), arguments[i]);
      }
    }
    for (EventBinding.FieldCapture field : binding.fieldCaptures()) {
      Object value = field.read(arguments);
      if (value == FieldPath.UNREADABLE) {
        AgentLog.debug(binding.eventName() + "." + field.property() + " dropped: the field cannot be read");
      } else {
        add(binding, properties, field.property(), value);
      }
    }
    if (binding.returnProperty() != null && call.exceptionType() == null) {
      add(binding, properties, binding.returnProperty(), call.returned());
    }
    if (call.exceptionType() != null) {
      add(binding, properties, PropertyNames.EXCEPTION, call.exceptionType());
    }
    properties.putAll(commonProperties);
    // The uuid is made here, once: every copy of this event (outbox, spool, each retry) carries it.
    return new Event(UUID.randomUUID().toString(), binding.eventName(), distinctId.get(), properties,
        call.epochMillis());
  }

  private void add(EventBinding binding, Map<String, Object> properties, String name, Object value) {
    Verdict verdict = PropertyNames.judge(sanitizer, name, value);
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
