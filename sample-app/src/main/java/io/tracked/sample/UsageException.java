package io.tracked.sample;

/** A command line the sample cannot run; the message is the one line shown to the user. */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
