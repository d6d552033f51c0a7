package io.tracked.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers one HTTP request as PostHog would (or as scripted), and records it before answering.
 *
 * <p>Recording happens before the answer is written, so by the time the product sees a 200 the event is
 * already visible to the test; a scripted delay is applied after recording, so a "slow server" test can
 * observe that the request arrived while the client is still waiting.
 */
final class CaptureHandler implements HttpHandler {

    private static final byte[] OK = "{\"status\":1}".getBytes(StandardCharsets.UTF_8);

    private final String expectedKey;
    private final Behaviour behaviour;
    private final CaptureLog log;
    private volatile StrictChecks strict;

    CaptureHandler(String expectedKey, Behaviour behaviour, CaptureLog log) {
        this.expectedKey = expectedKey;
        this.behaviour = behaviour;
        this.log = log;
    }

    void strict(boolean on) {
        strict = on ? new StrictChecks() : null;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long nanos = System.nanoTime();
        Instant at = Instant.now();
        log.arrived(nanos);
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, List<String>> headers = copyHeaders(exchange);
            Behaviour.Scripted scripted = behaviour.next();

            String bodyText = "";
            byte[] decoded = new byte[0];
            Rejection bodyProblem = null;
            try {
                byte[] raw = new byte[0];
                try {
                    raw = RequestBody.readLimited(exchange.getRequestBody(), Routes.bodyLimit(path));
                    bodyText = new String(raw, StandardCharsets.UTF_8);
                    decoded = raw;
                    if (RequestBody.isGzip(raw, exchange.getRequestHeaders().getFirst("Content-Encoding"), query)) {
                        decoded = RequestBody.gunzip(raw, Routes.bodyLimit(path));
                        bodyText = new String(decoded, StandardCharsets.UTF_8);
                    }
                } catch (Rejection e) {
                    bodyProblem = e;
                    if (e.status() == 413) {
                        bodyText = "<body not kept: " + e.detail() + ">";
                    }
                }
            } catch (IOException e) {
                bodyProblem = new Rejection(400, "could not read body: " + e);
            }

            int status;
            String detail;
            Duration retryAfter = null;
            List<CapturedEvent> accepted = List.of();
            if (scripted != null && scripted.mode() == Behaviour.Mode.HANG) {
                // Read, not stored, never answered: the client can only give up.
                log.record(new CapturedRequest(method, path, query, headers, bodyText, 0, "hung: never answered",
                        nanos, at), List.of());
                hang();
                return;
            }
            if (scripted != null && scripted.mode() == Behaviour.Mode.ANSWER
                    && (scripted.status() < 200 || scripted.status() > 299)) {
                status = scripted.status();
                detail = "scripted";
                retryAfter = scripted.retryAfter();
            } else if (Routes.isFlags(path)) {
                status = 404;
                detail = "feature flags are never served";
            } else if (!Routes.isCapture(path)) {
                status = 404;
                detail = "no such route";
            } else if (!"POST".equals(method)) {
                status = 405;
                detail = "capture routes take POST only";
            } else if (bodyProblem != null) {
                status = bodyProblem.status();
                detail = bodyProblem.detail();
            } else {
                StrictChecks checks = strict;
                try {
                    if (checks != null) {
                        checks.checkRequest(exchange.getRequestHeaders().getFirst("Content-Type"), expectedKey);
                    }
                    accepted = CapturePayload.accept(decoded, expectedKey, checks, nanos);
                    status = 200;
                    detail = "ok";
                } catch (Rejection e) {
                    status = e.status();
                    detail = e.detail();
                } catch (RuntimeException e) {
                    status = 500;
                    detail = "fake PostHog failed: " + e;
                }
            }

            boolean drop = scripted != null && scripted.mode() == Behaviour.Mode.STORE_THEN_DROP && status == 200;
            log.record(new CapturedRequest(method, path, query, headers, bodyText, status,
                    drop ? "stored, then the connection was dropped" : detail, nanos, at), accepted);
            if (drop) {
                return; // closing the exchange without an answer closes the connection: no status reaches the client
            }
            sleep(behaviour.delay());
            respond(exchange, status, detail, retryAfter);
        }
    }

    private static Map<String, List<String>> copyHeaders(HttpExchange exchange) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** Blocks until the fake is closed (its threads are interrupted) or ten minutes pass. */
    private static void hang() {
        try {
            Thread.sleep(600_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String detail, Duration retryAfter) {
        try {
            byte[] body;
            if (status == 200) {
                body = OK;
            } else {
                ObjectNode error = EventJson.MAPPER.createObjectNode();
                error.put("type", status == 401 ? "authentication_error" : "validation_error");
                error.put("code", String.valueOf(status));
                error.put("detail", detail);
                body = error.toString().getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter.toSeconds()));
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The client gave up (e.g. its timeout against a scripted delay); that is its right.
        }
    }
}
