package io.tracked.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The stricter half of the research checklist, for tests that want the fake to be pickier than PostHog.
 *
 * <p>PostHog itself tolerates a missing {@code uuid} or {@code timestamp}, a non-JSON content type or a
 * key without the {@code phc_} prefix; the product should not rely on that tolerance. Off by default so
 * the plain fake matches production; {@link FakePostHog#strict(boolean)} turns it on. Duplicate uuids are
 * not refused here (a retry after a lost answer legitimately repeats them, and PostHog deduplicates);
 * {@link FakePostHog#duplicateUuids()} reports them instead.
 */
final class StrictChecks {

  /** PostHog's Kafka limit per event, roughly 1 MB. */
  static final int EVENT_LIMIT_BYTES = 1_000_000;

  void checkRequest(String contentType, String expectedKey) throws Rejection {
    if (contentType == null || !contentType.toLowerCase().contains("application/json")) {
      throw new Rejection(400, "strict: Content-Type is not application/json: " + contentType);
    }
    if (!expectedKey.startsWith("phc_")) {
      throw new Rejection(401, "strict: project api key must start with phc_");
    }
  }

  void checkEvent(JsonNode node, CapturedEvent event) throws Rejection {
    String name = event.event();
    JsonNode props = node.get("properties");
    if (props == null || !props.isObject()) {
      throw new Rejection(400, "strict: event " + name + " has no properties object");
    }
    String timestamp = event.timestamp();
    if (timestamp == null) {
      throw new Rejection(400, "strict: event " + name + " has no timestamp");
    }
    try {
      OffsetDateTime.parse(timestamp);
    } catch (DateTimeParseException e) {
      throw new Rejection(400, "strict: event " + name + " timestamp is not ISO-8601 with offset: " + timestamp);
    }
    String uuid = event.uuid();
    if (uuid == null) {
      throw new Rejection(400, "strict: event " + name + " has no uuid");
    }
    try {
      UUID.fromString(uuid);
    } catch (IllegalArgumentException e) {
      throw new Rejection(400, "strict: event " + name + " uuid is not a UUID: " + uuid);
    }
    int size = event.rawJson().getBytes(StandardCharsets.UTF_8).length;
    if (size > EVENT_LIMIT_BYTES) {
      throw new Rejection(400, "strict: event " + name + " is " + size + " bytes, over " + EVENT_LIMIT_BYTES);
    }
  }
}
