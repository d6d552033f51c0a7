package io.tracked.agent.event;

import io.tracked.agent.sanitize.Sanitizer;
import io.tracked.agent.sanitize.Verdict;
import java.util.List;
import java.util.Set;

/**
 * Every rule about a property's <em>name</em>, in one place: the agent's event builder, the
 * {@code sanitize} command and the {@code catalog} command all ask here, so what they report is what
 * the agent sends. A name is never sent when it belongs to the agent (a common property), when
 * PostHog reads it as identity, person or location data, when it is {@code $}-prefixed and not one of
 * the few that describe a view, or when the sanitizer's content-name rule says every value under it
 * is content ({@link Sanitizer#dropsByName}). For any other name the value decides.
 */
public final class PropertyNames {

  /** The reason every name rule gives, in verdicts and catalog lines. */
  public static final String RESERVED_REASON = "reserved-name";

  /** The property that carries the thrown exception's class name for {@code @Tracked(onException = true)}. */
  public static final String EXCEPTION = "exception";

  /** The properties the agent adds to every event, in the order they are written. */
  public static final List<String> COMMON = List.of(
      "os", "osVersion", "ideName", "ideVersion", "extensionVersion", "$process_person_profile", "$geoip_disable");

  /** Names PostHog reads as identity, person or location data: a captured value may never set them. */
  private static final Set<String> RESERVED = Set.of("distinct_id", "$ip", "$set", "$set_once");

  /**
   * PostHog gives {@code $}-prefixed properties special meaning (sessions, groups, persons), so a
   * captured value may only set the few that describe a view; any other is dropped.
   */
  private static final Set<String> ALLOWED_SPECIAL = Set.of("$current_url", "$pathname", "$screen_name", "$title");

  private PropertyNames() {}

  /** Whether a captured value may never be sent under this name, whatever the value is. */
  public static boolean reserved(String name) {
    return name != null && (COMMON.contains(name) || RESERVED.contains(name)
        || (name.startsWith("$") && !ALLOWED_SPECIAL.contains(name)));
  }

  /** Whether nothing captured under this name ever leaves: reserved, or a name that announces content. */
  public static boolean neverSent(String name) {
    return reserved(name) || Sanitizer.dropsByName(name);
  }

  /**
   * The verdict on a value captured under {@code name}: the name rules first, then the sanitizer on
   * the value (which applies the content-name rule itself). The one call the agent and {@code sanitize}
   * share.
   */
  public static Verdict judge(Sanitizer sanitizer, String name, Object value) {
    if (reserved(name)) {
      return Verdict.drop(RESERVED_REASON);
    }
    return sanitizer.sanitize(name, value);
  }
}
