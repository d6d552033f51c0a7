package io.tracked.testkit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the fake should do to the next request instead of behaving like a healthy PostHog.
 *
 * <p>Failure handling (retries, back-off, giving up, never blocking the host) can only be tested against
 * a server that fails on cue. One-shot replies are used first, in order; then the standing reply, if any;
 * otherwise the request is handled normally. The delay applies to every request either way.
 */
final class Behaviour {

    /** How a scripted request ends: with the status, never, or stored and then cut off. */
    enum Mode { ANSWER, HANG, STORE_THEN_DROP }

    /** A scripted answer; {@code retryAfter} null means no {@code Retry-After} header. */
    record Scripted(int status, Duration retryAfter, Mode mode) {
        Scripted(int status, Duration retryAfter) {
            this(status, retryAfter, Mode.ANSWER);
        }
    }

    private final Deque<Scripted> oneShots = new ArrayDeque<>();
    private Scripted standing;
    private Duration delay = Duration.ZERO;

    synchronized void standing(Scripted reply) {
        standing = reply;
    }

    synchronized void oneShot(Scripted reply, int times) {
        for (int i = 0; i < times; i++) {
            oneShots.addLast(reply);
        }
    }

    synchronized void delay(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + value);
        }
        delay = value;
    }

    synchronized Duration delay() {
        return delay;
    }

    synchronized void reset() {
        oneShots.clear();
        standing = null;
        delay = Duration.ZERO;
    }

    /** The scripted reply for the request now arriving, or null to handle it normally. */
    synchronized Scripted next() {
        Scripted reply = oneShots.pollFirst();
        return reply != null ? reply : standing;
    }
}
