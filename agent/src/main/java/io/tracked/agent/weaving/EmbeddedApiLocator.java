package io.tracked.agent.weaving;

import java.io.IOException;
import java.io.InputStream;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Finds the {@code io.tracked.api} annotation types in the copy the agent jar carries as data. Byte
 * Buddy's type pool leaves out annotations whose type it cannot resolve, and a host's class
 * directory rarely contains the API jar, so {@code catalog} falls back to this copy; so does the
 * weaver, for a plugin whose class loader has no copy of the API: its annotations still count.
 */
public final class EmbeddedApiLocator implements ClassFileLocator {

  private static final String ROOT = "/META-INF/tracked-api/";

  @Override
  public Resolution locate(String name) throws IOException {
    if (!name.startsWith("io.tracked.api.")) {
      return new Resolution.Illegal(name);
    }
    try (InputStream in = EmbeddedApiLocator.class.getResourceAsStream(ROOT + name.replace('.', '/') + ".class")) {
      return in == null ? new Resolution.Illegal(name) : new Resolution.Explicit(in.readAllBytes());
    }
  }

  @Override
  public void close() {}
}
