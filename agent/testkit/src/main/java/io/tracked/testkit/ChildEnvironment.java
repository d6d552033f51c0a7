package io.tracked.testkit;

import java.util.Map;
import java.util.Set;

/**
 * Builds a child's environment from the parent's, minus whatever on a developer's machine could change
 * the product's behaviour.
 *
 * <p>A developer who exports {@code DO_NOT_TRACK=1} or a real {@code POSTHOG_API_KEY} must not see
 * different test results, or worse, send test events to a real project. So every {@code TRACKED_*}
 * option, {@code POSTHOG_API_KEY}, {@code DO_NOT_TRACK} and {@code CONTINUE_GLOBAL_DIR} are removed
 * unless the test sets them itself. {@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS} and
 * {@code _JAVA_OPTIONS} go too: they can load agents of their own and make the JVM print "Picked up ..."
 * on stderr, which would break assertions on the child's output.
 */
final class ChildEnvironment {

  static final Set<String> SCRUBBED = Set.of(
      "POSTHOG_API_KEY", "DO_NOT_TRACK", "CONTINUE_GLOBAL_DIR",
      "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
  static final String SCRUBBED_PREFIX = "TRACKED_";

  private ChildEnvironment() {
  }

  static boolean isScrubbed(String name) {
    return name.startsWith(SCRUBBED_PREFIX) || SCRUBBED.contains(name);
  }

  /**
   * Applies the scrub, then the test's removals, then the test's settings, to {@code env} in place
   * (typically {@link ProcessBuilder#environment()}, which starts as the parent's).
   */
  static void apply(Map<String, String> env, Map<String, String> set, Set<String> removed) {
    env.keySet().removeIf(ChildEnvironment::isScrubbed);
    env.keySet().removeAll(removed);
    env.putAll(set);
  }
}
