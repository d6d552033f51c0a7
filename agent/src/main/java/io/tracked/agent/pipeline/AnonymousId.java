package io.tracked.agent.pipeline;

import io.tracked.agent.log.AgentLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The {@code distinct_id}: a random UUID kept in the Continue directory. It is never derived from
 * hardware, user or host names. It is written atomically (a complete temp file, then a hard link
 * that fails if the id already exists) so that two processes starting together agree on one id, and
 * a corrupt or unreadable file is replaced rather than fatal.
 */
public final class AnonymousId {

  static final String FILE_NAME = "tracked-anonymous-id";

  private final Path file;
  private volatile String cached;

  public AnonymousId(Path continueDirectory) {
    this.file = continueDirectory.resolve("telemetry").resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  /** The id, created on first use. Falls back to an in-memory id if the directory is not writable. */
  public String get() {
    String id = cached;
    if (id == null) {
      synchronized (this) {
        if (cached == null) {
          cached = loadOrCreate();
        }
        id = cached;
      }
    }
    return id;
  }

  /**
   * Forgets the id and deletes its file: called whenever telemetry is off, so that two periods of
   * consent can never be linked by a shared id.
   */
  public synchronized void reset() {
    cached = null;
    try {
      Files.deleteIfExists(file);
    } catch (IOException | SecurityException undeletable) {
      AgentLog.once("anonymous-id-delete", "cannot delete the anonymous id " + file + " (" + undeletable
          + "); it will be replaced when telemetry is on again. Fix: make the directory writable");
    }
  }

  private String loadOrCreate() {
    String existing = read();
    if (existing != null) {
      return existing;
    }
    String created = UUID.randomUUID().toString();
    try {
      Files.createDirectories(file.getParent());
      if (Files.exists(file)) {
        Files.delete(file); // corrupt or unreadable: replaced, never fatal
      }
      Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
      try {
        Files.write(temp, created.getBytes(StandardCharsets.US_ASCII));
        // A hard link appears complete or not at all, and fails if another process got there first;
        // a rename would silently replace the other process's id.
        Files.createLink(file, temp);
      } catch (FileAlreadyExistsException raced) {
        String winner = read();
        if (winner != null) {
          return winner;
        }
      } catch (UnsupportedOperationException | IOException noHardLinks) {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | SecurityException unwritable) {
      AgentLog.once("anonymous-id", "cannot store the anonymous id in " + file + " (" + unwritable
          + "); using one for this run only. Fix: make the directory writable");
    }
    return created;
  }

  private String read() {
    try {
      String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
      UUID.fromString(text);
      return text.length() == 36 ? text : null;
    } catch (IOException | IllegalArgumentException | SecurityException missingOrCorrupt) {
      return null;
    }
  }
}
