package io.tracked.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A PostHog-compatible capture endpoint on {@code 127.0.0.1}, for end-to-end tests of what the product
 * sends.
 *
 * <p>Tests must see exactly what would reach PostHog (and prove what never does) without touching the
 * network, so this speaks PostHog's capture protocol on loopback: the same routes, body shapes,
 * compression detection, key check and status codes (see {@code posthog.md} section 3). It records
 * every request, even refused ones, can be scripted to fail or be slow, and offers waits that replace
 * fixed sleeps. Feature-flag routes ({@code /flags}, {@code /decide}) are never served, only recorded,
 * so a test can assert the product never asked.
 *
 * <p>All query methods return immutable snapshots and are safe to call from any thread.
 */
public final class FakePostHog implements AutoCloseable {

    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final String apiKey;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Behaviour behaviour = new Behaviour();
    private final CaptureLog log = new CaptureLog();
    private final CaptureHandler handler;

    private FakePostHog(String apiKey, int port) throws IOException {
        this.apiKey = apiKey;
        this.handler = new CaptureHandler(apiKey, behaviour, log);
        InetAddress loopback = InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
        int serverId = SERVERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "fake-posthog-" + serverId + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // One thread per request, so a scripted delay on one request never holds up another.
        this.executor = Executors.newCachedThreadPool(daemons);
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
    }

    /** Starts an endpoint that accepts events sent with {@code apiKey} and refuses any other key (401). */
    public static FakePostHog start(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        try {
            return new FakePostHog(apiKey, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake PostHog on 127.0.0.1", e);
        }
    }

    /**
     * As {@link #start(String)}, on a given port: the same endpoint as one a product was told about
     * earlier, e.g. refused while nothing listened there ({@link #unusedPort()}), answering now.
     */
    public static FakePostHog start(String apiKey, int port) {
        Objects.requireNonNull(apiKey, "apiKey");
        try {
            return new FakePostHog(apiKey, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake PostHog on 127.0.0.1:" + port, e);
        }
    }

    /**
     * A loopback port nothing listens on right now, for "PostHog is unreachable" tests (connection
     * refused). Another process could take it later; in practice the window is tiny.
     */
    public static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free port", e);
        }
    }

    /** The host to configure, e.g. {@code http://127.0.0.1:54321} (no trailing slash). */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The API key this endpoint accepts. */
    public String apiKey() {
        return apiKey;
    }

    // ---------------------------------------------------------------- behaviour

    /**
     * Also enforce the stricter checklist items PostHog itself tolerates: JSON content type, a
     * {@code phc_} key, and on every event a properties object, an ISO-8601 timestamp with offset, a
     * UUID {@code uuid}, and at most 1 MB. A failing request gets 400 (401 for the key) and no event of it
     * is recorded as accepted.
     */
    public FakePostHog strict(boolean on) {
        handler.strict(on);
        return this;
    }

    /**
     * Answer every following request with {@code status} (until {@link #behaveNormally()}); the request
     * is still recorded, its events are not. A 2xx status means "handle normally". A 429 carries
     * {@code Retry-After: 1}; use {@link #respondWith(int, Duration)} to choose.
     */
    public FakePostHog respondWith(int status) {
        return respondWith(status, status == 429 ? Duration.ofSeconds(1) : null);
    }

    /** As {@link #respondWith(int)}, with a {@code Retry-After} header in whole seconds (null for none). */
    public FakePostHog respondWith(int status, Duration retryAfter) {
        behaviour.standing(new Behaviour.Scripted(checkStatus(status), retryAfter));
        return this;
    }

    /**
     * Answer only the next {@code times} requests with {@code status}, then go back to the standing
     * behaviour: "fail twice, then recover" for retry tests. A 429 carries {@code Retry-After: 0}.
     */
    public FakePostHog respondWithNext(int times, int status) {
        behaviour.oneShot(new Behaviour.Scripted(checkStatus(status), status == 429 ? Duration.ZERO : null), times);
        return this;
    }

    /**
     * Never answer any following request (until {@link #behaveNormally()}): each is read and recorded
     * with status 0, its events are not stored, and the connection stays open until the client gives
     * up or the fake is closed. A hanging server, for exit-deadline tests.
     */
    public FakePostHog hang() {
        behaviour.standing(new Behaviour.Scripted(0, null, Behaviour.Mode.HANG));
        return this;
    }

    /**
     * Store every following batch (its events are recorded as accepted), then drop the connection
     * without an answer: the client cannot know it was stored, and may rightly send it again.
     */
    public FakePostHog storeThenDropConnection() {
        behaviour.standing(new Behaviour.Scripted(200, null, Behaviour.Mode.STORE_THEN_DROP));
        return this;
    }

    /** As {@link #storeThenDropConnection()}, for the next {@code times} requests only. */
    public FakePostHog storeThenDropNext(int times) {
        behaviour.oneShot(new Behaviour.Scripted(200, null, Behaviour.Mode.STORE_THEN_DROP), times);
        return this;
    }

    /** Hold every following answer back by {@code delay}: a slow server, for client timeout tests. */
    public FakePostHog delay(Duration delay) {
        behaviour.delay(Objects.requireNonNull(delay, "delay"));
        return this;
    }

    /** Forget scripted statuses and delays; recorded requests and events are kept. */
    public FakePostHog behaveNormally() {
        behaviour.reset();
        return this;
    }

    /** Forget recorded requests and events (behaviour is kept), e.g. between phases of one test. */
    public void clear() {
        log.clear();
    }

    // ---------------------------------------------------------------- queries

    /** Every accepted event, in arrival order. */
    public List<CapturedEvent> events() {
        return log.events();
    }

    /** Accepted events with this name, in arrival order. */
    public List<CapturedEvent> events(String name) {
        return log.events().stream().filter(e -> e.event().equals(name)).collect(Collectors.toUnmodifiableList());
    }

    /** Every request, accepted or not, in the order they were recorded (once each body was read). */
    public List<CapturedRequest> requests() {
        return log.requests();
    }

    public int requestCount() {
        return log.requests().size();
    }

    /** Every decoded request body, newline-separated: for "this never appeared anywhere" assertions. */
    public String allBodies() {
        return log.requests().stream().map(CapturedRequest::body).collect(Collectors.joining("\n"));
    }

    /** {@link PrivacyRules} violations over all accepted events, each naming its event; empty is good. */
    public List<String> privacyViolations() {
        List<String> out = new ArrayList<>();
        for (CapturedEvent event : log.events()) {
            out.addAll(PrivacyRules.violations(event));
        }
        return out;
    }

    /** As {@link #privacyViolations()}, also flagging any property key not in {@code allowedKeys}. */
    public List<String> privacyViolations(Set<String> allowedKeys) {
        List<String> out = new ArrayList<>();
        for (CapturedEvent event : log.events()) {
            out.addAll(PrivacyRules.violations(event, allowedKeys));
        }
        return out;
    }

    /** uuids that arrived on more than one accepted event (retries repeat them; new events must not). */
    public Set<String> duplicateUuids() {
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new LinkedHashSet<>();
        for (CapturedEvent event : log.events()) {
            if (event.uuid() != null && !seen.add(event.uuid())) {
                duplicates.add(event.uuid());
            }
        }
        return duplicates;
    }

    // ---------------------------------------------------------------- waiting

    /**
     * Waits until the accepted events satisfy {@code condition} and returns them.
     *
     * @throws AssertionError on timeout, listing what was received
     */
    public List<CapturedEvent> awaitEvents(Predicate<List<CapturedEvent>> condition, Duration timeout) {
        return log.await(log::events, condition, timeout,
                events -> "Condition on events never held; " + Describe.events(events, 20)
                        + "\nrequests: " + Describe.lastRequests(log.requests(), 10));
    }

    /** Waits for at least {@code count} accepted events. */
    public List<CapturedEvent> awaitEventCount(int count, Duration timeout) {
        return log.await(log::events, events -> events.size() >= count, timeout,
                events -> "Expected at least " + count + " events; " + Describe.events(events, 20)
                        + "\nrequests: " + Describe.lastRequests(log.requests(), 10));
    }

    /** Waits until the recorded requests (any status) satisfy {@code condition}: for failure tests. */
    public List<CapturedRequest> awaitRequests(Predicate<List<CapturedRequest>> condition, Duration timeout) {
        return log.await(log::requests, condition, timeout,
                requests -> "Condition on requests never held; " + requests.size() + " requests: "
                        + Describe.lastRequests(requests, 20));
    }

    /**
     * Returns (all requests so far) once no request arrived for {@code quietFor}; counts from the call
     * if nothing arrived since. Use before asserting "nothing more was sent".
     *
     * @throws AssertionError if requests kept arriving until {@code timeout}
     */
    public List<CapturedRequest> awaitQuiet(Duration quietFor, Duration timeout) {
        return log.awaitQuiet(quietFor, timeout);
    }

    /** Stops listening and releases the port; later connections are refused. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakePostHog[" + url() + ", " + requestCount() + " requests, " + events().size() + " events]";
    }

    private static int checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return status;
    }
}
