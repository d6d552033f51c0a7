package io.tracked.agent.delivery;

/**
 * What PostHog made of one batch. {@code ACKED}: stored, forget it. {@code RETRY}: not stored (the
 * network, a 5xx, a 429, a timeout); keep every event and try again no sooner than
 * {@code retryAfterMillis} from now (0: our own back-off decides). {@code REJECTED}: refused for good
 * (400, 401, 403, 404, 413); the events can never be delivered as they are. {@code answerMillis}: how
 * long the server took to answer once the batch was sent (-1 without an answer), the server's pace
 * without the client's own start-up costs.
 */
record Outcome(Kind kind, int status, long retryAfterMillis, String detail, long answerMillis) {

  enum Kind { ACKED, RETRY, REJECTED }

  static Outcome acked(int status, long answerMillis) {
    return new Outcome(Kind.ACKED, status, 0, "status " + status, answerMillis);
  }

  static Outcome retry(int status, long retryAfterMillis, String detail, long answerMillis) {
    return new Outcome(Kind.RETRY, status, retryAfterMillis, detail, answerMillis);
  }

  static Outcome rejected(int status, long answerMillis) {
    return new Outcome(Kind.REJECTED, status, 0, "status " + status, answerMillis);
  }
}
