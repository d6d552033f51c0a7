package io.tracked.agent.delivery;

import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventJson;
import io.tracked.agent.log.AgentLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The embedded default: sanitized events appended as JSON lines to a local file, in PostHog's event
 * shape, so a developer can see exactly what would be sent without any account. The file rolls over
 * to {@code .1} at {@link #MAX_BYTES} so it can never fill a disk.
 */
public final class OutboxSink implements EventSink {

  static final long MAX_BYTES = 10L * 1024 * 1024;

  private final Path file;
  private BufferedWriter writer;
  private long size;

  public OutboxSink(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void send(Event event) {
    writeLine(EventJson.event(event));
  }

  private void writeLine(String line) {
    try {
      if (writer == null || size >= MAX_BYTES) {
        open();
      }
      writer.write(line);
      writer.write('\n');
      writer.flush();
      size += line.length() + 1;
      AgentLog.clear("outbox");
    } catch (IOException | RuntimeException unwritable) {
      AgentLog.once("outbox", "cannot write the outbox " + file + " (" + unwritable
          + "); events are dropped. Fix: make the directory writable or set the outbox option");
      closeQuietly();
    }
  }

  private void open() throws IOException {
    closeQuietly();
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (Files.exists(file) && Files.size(file) >= MAX_BYTES) {
      Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }
    writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    size = Files.size(file);
  }

  private void flush() {
    try {
      if (writer != null) {
        writer.flush();
      }
    } catch (IOException ignored) {
      closeQuietly();
    }
  }

  private void closeQuietly() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException ignored) {
        // nothing more to do for a file we could not write
      }
      writer = null;
    }
  }

  @Override
  public void discardPending() {
    // Written lines are delivered, not pending: the outbox is the destination.
  }

  @Override
  public synchronized void close(long timeoutMillis) {
    closeQuietly();
  }

  @Override
  public String describe() {
    return "events go to the outbox " + file + " (no posthog.apiKey set)";
  }
}
