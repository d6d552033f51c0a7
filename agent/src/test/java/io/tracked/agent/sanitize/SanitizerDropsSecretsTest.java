package io.tracked.agent.sanitize;

import static io.tracked.agent.sanitize.Verdicts.assertDropped;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API keys and tokens, by vendor prefix or by looking random: dropped whatever the parameter is called. */
class SanitizerDropsSecretsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "sk-proj-abcDEF123ghiJKL456mnoPQR789stuVWX012",
      "sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789",
      "sk-1234567890abcdef1234567890abcdef",
      "sk_live_51HqLyjWDarjtT1zdp7dcXYZ",
      "ghp_1234567890abcdefghijABCDEFGHIJ123456",
      "github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz",
      "glpat-xxxxxxxxxxxxxxxxxxxx",
      "AKIAIOSFODNN7EXAMPLE",
      "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
      "xoxp-1234-5678-abcdefg",
      "AIzaSyA-1234567890abcdefghijklmnopqrs",
      "hf_abcdefghijklmnopqrstuvwxyzABCDEF",
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
      "Bearer abcdef",
      "-----BEGIN"})
  void vendorPrefixedKeys(String key) {
    assertDropped("model", key, "secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Xk9mQ2vL8pR4tW7zY1bN6cF3",
      "aB3dE5gH7jK9mN1pQ3sT5vW7yZ",
      "9fK2LmQ8xRt4VbN7cZp1WsY6",
      "r8Tq2Zx9LmN4vB7kP1wQ5sJ3hF"})
  void highEntropyMixedCaseStrings(String token) {
    assertDropped("sessionKind", token, "secret");
  }
}
