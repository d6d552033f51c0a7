package io.tracked.agent.consent;

import java.util.concurrent.locks.LockSupport;

/**
 * The {@code tracked-consent} daemon thread: re-reads the switches every second, and shortly after a
 * request ({@link #requestSoon()}: a watched file changed, the host's switch reported). A plain thread
 * that parks, rather than a scheduled executor, whose two dozen JDK classes (none in the JDK's shared
 * archive) every start would load for one timer.
 */
final class ConsentPoller extends Thread {

  private final ConsentGate gate;
  private final long pollNanos;
  private final long settleNanos;
  private volatile boolean soon;
  private volatile boolean stopped;

  ConsentPoller(ConsentGate gate, long pollMillis, long settleMillis) {
    super("tracked-consent");
    setDaemon(true);
    this.gate = gate;
    this.pollNanos = pollMillis * 1_000_000L;
    this.settleNanos = settleMillis * 1_000_000L;
  }

  /** Asks for a re-read shortly; callable from any thread, never blocks. */
  void requestSoon() {
    soon = true;
    LockSupport.unpark(this);
  }

  /** Ends the thread at its next wake-up; never waits for a read in progress. */
  void stopPolling() {
    stopped = true;
    LockSupport.unpark(this);
  }

  @Override
  public void run() {
    long nextPoll = System.nanoTime() + pollNanos;
    while (!stopped) {
      if (soon) {
        // A short settle lets an editor finish writing before the file is parsed. The flag is cleared
        // before the read, so a request arriving during it gets a read of its own.
        LockSupport.parkNanos(this, settleNanos);
        soon = false;
      } else {
        long wait = nextPoll - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(this, wait);
          continue; // woken early: a request, a stop, or nothing
        }
        nextPoll = System.nanoTime() + pollNanos;
        gate.polled();
      }
      if (!stopped) {
        gate.refresh();
      }
    }
  }
}
