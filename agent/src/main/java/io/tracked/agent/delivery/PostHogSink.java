package io.tracked.agent.delivery;

import com.posthog.java.PostHog;
import com.posthog.java.QueueManager;
import io.tracked.agent.event.Event;
import io.tracked.agent.log.AgentLog;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Delivery through posthog-java: its client builds PostHog's event JSON and its queue thread
 * batches events, sending through our {@link HttpBatchSender}. posthog-java's queue thread inherits
 * the daemon flag of its creator and would keep the host alive, so this sink is always built on a
 * daemon thread; its {@code shutdown()} can wait on the network, so it runs under a deadline.
 */
public final class PostHogSink implements EventSink {

  private static final int FLUSH_AT = 50;
  private static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);

  private final URI host;
  private final HttpBatchSender sender;
  private final QueueManager queue;
  private final PostHog client;
  private final OutboxSink spillTo;

  private PostHogSink(String apiKey, URI host, BooleanSupplier sendingAllowed, OutboxSink spillTo) {
    this.host = host;
    this.spillTo = spillTo;
    this.sender = new HttpBatchSender(apiKey, host, sendingAllowed, this::spill);
    this.queue = new QueueManager.Builder(sender)
        .maxQueueSize(FLUSH_AT)
        .maxTimeInQueue(FLUSH_INTERVAL)
        .sleepMs(100)
        .build();
    sender.retryThrough(queue);
    this.client = new PostHog.BuilderWithCustomQueueManager(queue, sender) {
      {
        // The custom-queue builder has no logger setter, and a null logger fails in shutdown().
        logger = new AgentPostHogLogger();
      }
    }.build();
  }

  /** Builds the sink on a daemon thread, whatever thread asks, so posthog-java's thread is a daemon too. */
  public static PostHogSink create(String apiKey, URI host, BooleanSupplier sendingAllowed, OutboxSink spillTo) {
    if (Thread.currentThread().isDaemon()) {
      return new PostHogSink(apiKey, host, sendingAllowed, spillTo);
    }
    PostHogSink[] built = new PostHogSink[1];
    RuntimeException[] failed = new RuntimeException[1];
    Thread builder = new Thread(() -> {
      try {
        built[0] = new PostHogSink(apiKey, host, sendingAllowed, spillTo);
      } catch (RuntimeException e) {
        failed[0] = e;
      }
    }, "tracked-posthog-init");
    builder.setDaemon(true);
    builder.start();
    try {
      builder.join();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failed[0] != null) {
      throw failed[0];
    }
    return built[0];
  }

  @Override
  public void send(Event event) {
    client.capture(event.distinctId(), event.name(), new java.util.LinkedHashMap<>(event.properties()));
  }

  @Override
  public void discardPending() {
    // The sender refuses every batch while consent is off, so flushing now empties the queue into nothing.
    queue.sendAll();
  }

  @Override
  public void close(long timeoutMillis) {
    sender.startClosing();
    // Flush right away instead of waiting for the queue thread's next round, then stop that thread.
    Thread shutdown = new Thread(() -> {
      queue.sendAll();
      client.shutdown();
    }, "tracked-posthog-shutdown");
    shutdown.setDaemon(true);
    shutdown.start();
    try {
      shutdown.join(timeoutMillis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    if (shutdown.isAlive()) {
      AgentLog.info("PostHog did not answer within " + timeoutMillis + " ms at exit; the host exits anyway");
    }
  }

  private void spill(List<String> jsonLines) {
    spillTo.appendRaw(jsonLines);
    AgentLog.info(jsonLines.size() + " events could not be sent to PostHog before exit; kept in " + spillTo.file());
  }

  @Override
  public String describe() {
    return "events go to PostHog at " + host;
  }
}
