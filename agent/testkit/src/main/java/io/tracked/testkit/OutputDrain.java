package io.tracked.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads one of a child's output pipes into memory on a daemon thread, for as long as the child writes.
 *
 * <p>A child that fills an unread pipe blocks forever, which would turn a chatty product into a hung
 * test; draining continuously also lets a test look at the output while the child still runs. With the
 * system property {@code tracked.it.echoChildOutput=true} the output is also copied to the test's
 * stderr, prefixed, which helps when debugging CI.
 */
final class OutputDrain {

  static final String ECHO_PROPERTY = "tracked.it.echoChildOutput";

  private final StringBuilder text = new StringBuilder();
  private final Thread thread;

  OutputDrain(InputStream stream, String name) {
    boolean echo = Boolean.getBoolean(ECHO_PROPERTY);
    PrintStream echoTo = System.err;
    thread = new Thread(() -> drain(stream, echo ? echoTo : null, "[" + name + "] "), name);
    thread.setDaemon(true);
    thread.start();
  }

  private void drain(InputStream stream, PrintStream echo, String prefix) {
    char[] buffer = new char[8192];
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      int n;
      while ((n = reader.read(buffer)) != -1) {
        synchronized (text) {
          text.append(buffer, 0, n);
        }
        if (echo != null) {
          echo.print(prefix + new String(buffer, 0, n));
          echo.flush();
        }
      }
    } catch (IOException e) {
      // The pipe closed under us (child killed); what was read is kept.
    }
  }

  String soFar() {
    synchronized (text) {
      return text.toString();
    }
  }

  boolean finished() {
    return !thread.isAlive();
  }

  /** Waits for the pipe to reach end of stream; gives up quietly (a grandchild may hold it open). */
  void awaitEnd(long millis) {
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
