package io.tracked.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The anonymity rules every event must obey, checked on what actually left the process.
 *
 * <p>PostHog creates person profiles, enriches with GeoIP and links identities unless each event says
 * otherwise; one forgotten flag de-anonymizes users. So: {@code $process_person_profile} must be
 * {@code false}, {@code $geoip_disable} must be {@code true}, and there must be no {@code $ip},
 * {@code $set} or {@code $set_once} (in properties or at the event's top level), and no identity events
 * ({@code $identify}, {@code $create_alias}, {@code $merge_dangerously}). Public so tests can apply the
 * same rules to the outbox file via {@link CapturedEvent#parse(String)}.
 */
public final class PrivacyRules {

  /** Events that tie an anonymous id to a person; never allowed. */
  public static final Set<String> FORBIDDEN_EVENTS = Set.of("$identify", "$create_alias", "$merge_dangerously");

  /** Keys that set person properties or an IP for GeoIP; never allowed. */
  public static final Set<String> FORBIDDEN_KEYS = Set.of("$ip", "$set", "$set_once");

  private PrivacyRules() {
  }

  /** The violations of one event, each a sentence naming the event; empty when it is fine. */
  public static List<String> violations(CapturedEvent event) {
    List<String> out = new ArrayList<>();
    String label = "event '" + event.event() + "'" + (event.uuid() == null ? "" : " (" + event.uuid() + ")");
    if (FORBIDDEN_EVENTS.contains(event.event())) {
      out.add(label + ": identity events are not allowed");
    }
    Object personProfile = event.property("$process_person_profile");
    if (!Boolean.FALSE.equals(personProfile)) {
      out.add(label + ": $process_person_profile is " + describe(event, "$process_person_profile")
          + ", must be false");
    }
    Object geoip = event.property("$geoip_disable");
    if (!Boolean.TRUE.equals(geoip)) {
      out.add(label + ": $geoip_disable is " + describe(event, "$geoip_disable") + ", must be true");
    }
    for (String key : FORBIDDEN_KEYS) {
      if (event.hasProperty(key)) {
        out.add(label + ": property " + key + " must not be sent");
      }
    }
    JsonNode top = topLevel(event);
    if (top != null) {
      for (String key : FORBIDDEN_KEYS) {
        if (top.has(key)) {
          out.add(label + ": top-level " + key + " must not be sent");
        }
      }
    }
    return out;
  }

  /**
   * As {@link #violations(CapturedEvent)}, plus every property key outside {@code allowedKeys} (the
   * "only allowlisted keys" rule; pass the product's common properties plus the event's own).
   */
  public static List<String> violations(CapturedEvent event, Collection<String> allowedKeys) {
    List<String> out = violations(event);
    Set<String> extra = new TreeSet<>(event.properties().keySet());
    extra.removeAll(allowedKeys);
    for (String key : extra) {
      out.add("event '" + event.event() + "': property " + key + " is not in the allowlist");
    }
    return out;
  }

  private static String describe(CapturedEvent event, String key) {
    return event.hasProperty(key) ? String.valueOf(event.property(key)) : "missing";
  }

  private static JsonNode topLevel(CapturedEvent event) {
    try {
      return EventJson.MAPPER.readTree(event.rawJson());
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
