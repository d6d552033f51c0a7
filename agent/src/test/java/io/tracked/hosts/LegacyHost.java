package io.tracked.hosts;

/** A host class with no annotations, tracked only through the {@code methods} option. */
public class LegacyHost {
  public void accept(String modelName) {}

  public int send(String model, int tokens) {
    return tokens;
  }

  public void untouched() {}
}
