package io.tracked.testkit;

import java.util.Set;

/**
 * Which paths the fake serves and their body limits, mirroring PostHog's capture service.
 *
 * <p>Kept in one place so the route table can be compared with the research notes at a glance: a client
 * that builds a wrong URL (a double slash, a missing {@code /i/v0}) must get a 404 here as it would in
 * production, not a friendly 200.
 */
final class Routes {

  /** {@code /batch} takes bigger bodies than the single-event routes, as in PostHog. */
  static final int BATCH_LIMIT_BYTES = 20 * 1024 * 1024;
  static final int SINGLE_LIMIT_BYTES = 2 * 1024 * 1024;

  private static final Set<String> BATCH = Set.of("/batch", "/batch/");
  private static final Set<String> SINGLE = Set.of(
      "/capture", "/capture/", "/e", "/e/", "/i/v0/e", "/i/v0/e/");

  private Routes() {
  }

  static boolean isCapture(String path) {
    return BATCH.contains(path) || SINGLE.contains(path);
  }

  /** Feature-flag routes: the product must never call them; the fake never answers them with success. */
  static boolean isFlags(String path) {
    return path.startsWith("/flags") || path.startsWith("/decide");
  }

  static int bodyLimit(String path) {
    return BATCH.contains(path) ? BATCH_LIMIT_BYTES : SINGLE_LIMIT_BYTES;
  }
}
