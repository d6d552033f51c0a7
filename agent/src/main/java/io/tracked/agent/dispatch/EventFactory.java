package io.tracked.agent.dispatch;

import io.tracked.agent.log.AgentLog;
import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.sanitize.SequenceGuard;
import io.tracked.agent.sanitize.Verdict;
import io.tracked.agent.weaving.BindingFactory;
import io.tracked.agent.weaving.EventBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a captured call into an {@link Event}: every argument, the return value and the exception
 * type pass through the {@link Sanitizer}; only what it lets through becomes a property. The common
 * properties are added last, so a captured argument can never overwrite them.
 */
public final class EventFactory {

  /** Names PostHog reads as identity, person or location data: an argument may never set them. */
  private static final Set<String> RESERVED = Set.of("distinct_id", "$ip", "$set", "$set_once");

  /**
   * PostHog gives {@code $}-prefixed properties special meaning (sessions, groups, persons), so an
   * argument may only set the few that describe a view; any other is dropped.
   */
  private static final Set<String> ALLOWED_SPECIAL = Set.of("$current_url", "$pathname", "$screen_name", "$title");

  private final Sanitizer sanitizer;
  private final Map<String, Object> commonProperties;
  private final Supplier<String> distinctId;
  private final SequenceGuard sequences = new SequenceGuard();

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
        add(call, properties, names.get(i), arguments[i]);
      }
    }
    if (binding.returnProperty() != null && call.exceptionType() == null) {
      add(call, properties, binding.returnProperty(), call.returned());
    }
    if (call.exceptionType() != null) {
      add(call, properties, BindingFactory.EXCEPTION_PROPERTY, call.exceptionType());
    }
    properties.putAll(commonProperties);
    return new Event(binding.eventName(), distinctId.get(), properties, call.epochMillis());
  }

  private void add(CapturedCall call, Map<String, Object> properties, String name, Object value) {
    EventBinding binding = call.binding();
    if (commonProperties.containsKey(name) || RESERVED.contains(name)
        || (name.startsWith("$") && !ALLOWED_SPECIAL.contains(name))) {
      AgentLog.debug(binding.eventName() + "." + name + " dropped: reserved property name");
      return;
    }
    Verdict verdict = sequences.screen(binding.eventName(), name, value,
        sanitizer.sanitize(name, value, binding.generatedId(name)), call.epochMillis());
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
