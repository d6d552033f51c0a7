package io.tracked.agent.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A vendor's key can be a bare UUID, so a UUID is sent only when the host declares the property an id it
 * generated itself ({@code generatedId = true}); the declaration keeps UUIDs, not anything else.
 */
class SanitizerUuidDecisionTest {

  private final Sanitizer sanitizer = new Sanitizer();

  @ParameterizedTest
  @ValueSource(strings = {"550e8400-e29b-41d4-a716-446655440000", "{550E8400-E29B-41D4-A716-446655440000}",
      "chat-550e8400-e29b-41d4-a716-446655440000", "req_550e8400-e29b-41d4-a716-446655440000"})
  void aUuidIsDroppedUnlessDeclaredGenerated(String value) {
    assertEquals("undeclared-id", sanitizer.sanitize("completionId", value).reason());
    Verdict declared = sanitizer.sanitize("completionId", value, true);
    assertEquals(Verdict.Action.KEEP, declared.action());
    assertEquals(value, declared.value());
  }

  @Test
  void aUuidObjectFollowsTheSameRule() {
    UUID id = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
    assertEquals(Verdict.Action.DROP, sanitizer.sanitize("id", id).action());
    assertEquals("550e8400-e29b-41d4-a716-446655440000", sanitizer.sanitize("id", id, true).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"550e8400-e29b-41d4-a716-446655440000:6ba7b810-9dad-11d1-80b4-00c04fd430c8",
      "pat-na1-550e8400-e29b-41d4-a716-446655440000x", "sub-c-1a2b3c4d-5e6f-7g8h-9i0j-1k2l3m4n5o6p",
      "alice@example.com", "/home/alice/x", "sk-proj-abcdefgh12345678"})
  void theDeclarationKeepsUuidsOnly(String value) {
    assertEquals(Verdict.Action.DROP, sanitizer.sanitize("completionId", value, true).action());
  }

  @Test
  void aRouteCarryingAUuidIsStillARoute() {
    assertEquals(Verdict.Action.KEEP,
        sanitizer.sanitize("$current_url", "/chat/550e8400-e29b-41d4-a716-446655440000").action());
  }
}
