package io.tracked.testkit;

/**
 * Why a request is refused, with the status PostHog would use.
 *
 * <p>An exception so the decoding and validation steps can stop at the first problem without threading
 * a result type through every helper; it never escapes the testkit.
 */
final class Rejection extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;

  Rejection(int status, String detail) {
    super(detail, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  String detail() {
    return getMessage();
  }
}
