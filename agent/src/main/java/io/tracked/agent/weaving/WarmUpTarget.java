package io.tracked.agent.weaving;

/**
 * A class the weaver transforms once, on its background thread, right after it is built and before
 * any host class needs it. The first real weave then finds Byte Buddy's advice machinery loaded and
 * warm, instead of making the host's class loading wait for it. The result is thrown away.
 */
final class WarmUpTarget {

  private WarmUpTarget() {}

  static int settled(boolean accepted, String modelName, long time) {
    return accepted ? modelName.length() : (int) time;
  }
}
