package io.tracked.agent.delivery;

import io.tracked.agent.event.Event;
import io.tracked.agent.event.EventJson;
import io.tracked.agent.log.AgentLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The embedded default: sanitized events appended as JSON lines to a local file, in PostHog's event
 * shape, so a developer can see exactly what would be sent without any account.
 *
 * <p>Bounds: the file rolls over at {@value #MAX_BYTES} bytes to {@code outbox.jsonl.1}, the
 * previous {@code .1} becoming {@code .2}, up to {@code .}{@value #KEPT_ROLLED}; so the outbox never
 * takes more than {@value #KEPT_ROLLED} + 1 files of about 10 MiB (50 MiB). Only the oldest rolled file
 * is ever deleted, and that is said on stderr with the number of events it held (the first time at
 * once, then at most once a minute). Rolling renames files, so a process still writing to a file
 * another one rolled writes on into the rolled file, never over anything. See {@link OutboxFile} for
 * how lines of several processes and lines cut by a crash or a full disk are kept apart.
 *
 * <p>A path that cannot be written (a FIFO, a device or a directory in place of the file, a
 * directory that is not one, read-only or full) is one line naming it and the fix; events are then
 * dropped and counted, the path is tried again at most once per {@code retryMillis}, and when it
 * works again one line says how many events were dropped meanwhile.
 */
public final class OutboxSink implements EventSink {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  static final int KEPT_ROLLED = 4;
  static final long RETRY_MILLIS = 1_000;
  static final long ROLL_REPORT_MILLIS = 60_000;

  private final OutboxFile outbox;
  private final long maxBytes;
  private final int keptRolled;
  private final long retryMillis;
  private final LongSupplier clock;
  private final Consumer<String> say;
  private String problem;
  private long droppedSinceProblem;
  private long retryAt;
  private long rollReportedAt = Long.MIN_VALUE;
  private long deletedUnreported;
  private int filesDeletedUnreported;

  public OutboxSink(Path file) {
    this(file, MAX_BYTES, KEPT_ROLLED, RETRY_MILLIS, System::currentTimeMillis, AgentLog::info);
  }

  OutboxSink(Path file, long maxBytes, int keptRolled, long retryMillis, LongSupplier clock, Consumer<String> say) {
    this.outbox = new OutboxFile(file, maxBytes, keptRolled);
    this.maxBytes = maxBytes;
    this.keptRolled = keptRolled;
    this.retryMillis = retryMillis;
    this.clock = clock;
    this.say = say;
  }

  public Path file() {
    return outbox.file();
  }

  @Override
  public synchronized void send(Event event) {
    writeLine(EventJson.event(event));
  }

  /** Appends lines that are already JSON, one event each, as {@code EventJson} wrote them. */
  public synchronized void appendRaw(List<String> jsonLines) {
    for (String line : jsonLines) {
      writeLine(line);
    }
  }

  private void writeLine(String line) {
    long now = clock.getAsLong();
    if (problem != null && now < retryAt) {
      droppedSinceProblem++;
      return;
    }
    try {
      OutboxFile.Deleted deleted = outbox.append(line.getBytes(StandardCharsets.UTF_8));
      if (problem != null) {
        say.accept("outbox: " + outbox.file() + " can be written again; " + droppedSinceProblem
            + (droppedSinceProblem == 1 ? " event was" : " events were") + " dropped meanwhile");
        problem = null;
        droppedSinceProblem = 0;
      }
      if (deleted != null) {
        reportDeleted(deleted, now);
      }
    } catch (IOException | RuntimeException unwritable) {
      outbox.close();
      droppedSinceProblem++;
      retryAt = now + retryMillis;
      String text = describe(unwritable);
      if (!text.equals(problem)) {
        problem = text;
        say.accept("outbox: " + text + "; events are dropped (counted) until it can be written. Fix: "
            + fix(unwritable));
      }
    }
  }

  private String describe(Exception failure) {
    if (failure instanceof OutboxFile.Refused) {
      return failure.getMessage();
    }
    return "cannot write " + outbox.file() + " (" + reason(failure) + ")";
  }

  private static String fix(Exception failure) {
    if (failure instanceof OutboxFile.Refused) {
      return ((OutboxFile.Refused) failure).fix;
    }
    String reason = reason(failure).toLowerCase(java.util.Locale.ROOT);
    if (reason.contains("space") || reason.contains("quota")) {
      return "free space on its disk, or set the outbox option to a file on another disk";
    }
    return "make its directory writable, or set the outbox option to a writable file";
  }

  /** The operating system's reason ("No space left on device"), never a file's content. */
  private static String reason(Exception failure) {
    if (failure instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (failure instanceof FileSystemException && ((FileSystemException) failure).getReason() != null) {
      return ((FileSystemException) failure).getReason();
    }
    if (failure.getClass() == IOException.class && failure.getMessage() != null && failure.getMessage().length() < 80) {
      return failure.getMessage();
    }
    return failure.getClass().getSimpleName();
  }

  private void reportDeleted(OutboxFile.Deleted deleted, long now) {
    deletedUnreported += Math.max(0, deleted.lines());
    filesDeletedUnreported++;
    if (rollReportedAt == Long.MIN_VALUE || now - rollReportedAt >= ROLL_REPORT_MILLIS) {
      flushRollReport(now);
    }
  }

  private void flushRollReport(long now) {
    if (filesDeletedUnreported == 0) {
      return;
    }
    say.accept("outbox: deleted " + (filesDeletedUnreported == 1 ? "the oldest rolled file" : filesDeletedUnreported
        + " oldest rolled files") + " (" + deletedUnreported + " events) to keep " + outbox.file() + " within "
        + (keptRolled + 1) + " files of " + size(maxBytes) + ". Fix: move "
        + outbox.rolled(keptRolled).getFileName() + " elsewhere before it is replaced, to keep it");
    rollReportedAt = now;
    deletedUnreported = 0;
    filesDeletedUnreported = 0;
  }

  private static String size(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
  }

  @Override
  public void discardPending() {
    // Written lines are delivered, not pending: the outbox is the destination.
  }

  @Override
  public synchronized void close(long timeoutMillis) {
    outbox.close();
    flushRollReport(clock.getAsLong());
    if (problem != null && droppedSinceProblem > 0) {
      say.accept("outbox: " + droppedSinceProblem + " events were dropped in all because " + problem);
      droppedSinceProblem = 0;
    }
  }

  @Override
  public String describe() {
    return "events go to the outbox " + outbox.file() + " (no posthog.apiKey set)";
  }
}
