package io.tracked.agent.consent;

import io.tracked.agent.log.AgentLog;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches the directories that hold the consent files, not the files themselves: editors save by
 * writing a new file and renaming it over the old one, which a watch on the old file would miss.
 * Any change in such a directory asks for a re-read. Directories that do not exist yet are picked
 * up when they appear; where watching is unavailable or slow (some network and macOS file systems),
 * the gate's one-second poll still applies every change.
 */
final class ConsentWatcher implements AutoCloseable {

  private final WatchService service;
  private final Set<Path> directories;
  private final Set<Path> registered = new LinkedHashSet<>();
  private final Runnable onChange;
  private final Thread thread;
  private volatile boolean closed;

  private ConsentWatcher(WatchService service, Set<Path> directories, Runnable onChange) {
    this.service = service;
    this.directories = directories;
    this.onChange = onChange;
    this.thread = new Thread(this::run, "tracked-consent-watch");
    this.thread.setDaemon(true);
  }

  /** Starts watching; returns a watcher that does nothing if the platform offers no file watching. */
  static ConsentWatcher start(List<Path> files, Runnable onChange) {
    Set<Path> directories = new LinkedHashSet<>();
    for (Path file : files) {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        directories.add(parent);
      }
    }
    try {
      ConsentWatcher watcher = new ConsentWatcher(FileSystems.getDefault().newWatchService(), directories, onChange);
      watcher.registerExisting();
      watcher.thread.start();
      return watcher;
    } catch (IOException | UnsupportedOperationException unavailable) {
      AgentLog.debug("file watching unavailable (" + unavailable + "); consent is polled every second");
      return new ConsentWatcher(null, directories, onChange);
    }
  }

  private void registerExisting() {
    for (Path directory : directories) {
      if (!registered.contains(directory) && Files.isDirectory(directory)) {
        try {
          directory.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
              StandardWatchEventKinds.ENTRY_MODIFY);
          registered.add(directory);
        } catch (IOException | RuntimeException unwatchable) {
          AgentLog.debug("cannot watch " + directory + " (" + unwatchable + "); it is polled instead");
        }
      }
    }
  }

  private void run() {
    while (!closed) {
      try {
        WatchKey key = service.poll(1, TimeUnit.SECONDS);
        if (key != null) {
          key.pollEvents();
          if (!key.reset()) {
            registered.remove((Path) key.watchable()); // the directory went away; re-register if it returns
          }
          onChange.run();
        }
        registerExisting(); // a directory created since, e.g. ~/.continue/index
      } catch (InterruptedException | ClosedWatchServiceException stopped) {
        return;
      } catch (RuntimeException unexpected) {
        AgentLog.debug("consent watcher stopped (" + unexpected + "); consent is polled every second");
        return;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    if (service != null) {
      try {
        service.close();
      } catch (IOException ignored) {
        // the thread ends on its own within a second
      }
    }
  }
}
