package io.tracked.agent.weaving;

import io.tracked.agent.config.TrackedVersion;

/**
 * Everything besides the classes themselves that decides what weaving produces, as one text kept in
 * (and compared exactly against) every weave-cache entry: the agent's version and build (a rebuilt
 * SNAPSHOT weaves with other code), the {@code methods} option as written, and the JVM (its version
 * and vendor: the JDK's own supertypes are not read, they come with it).
 */
public final class WeaveContext {

  private WeaveContext() {}

  /** The context, or {@code null} when this agent's build is unknown: then nothing may be cached. */
  public static String describe(String methodsOption) {
    String build = TrackedVersion.build();
    if (build.equals("unknown") || build.startsWith("${")) {
      return null;
    }
    return "tracked " + TrackedVersion.get() + " build " + build + "\nmethods=" + (methodsOption == null ? ""
        : methodsOption) + "\njvm " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
        + " " + System.getProperty("java.vm.version") + " " + System.getProperty("java.runtime.version");
  }
}
