package io.tracked.hosts.legacy;

/** A library's completion object: one useful field among internals. */
public class Completion {
  private final String kind;
  private final Object provider;
  private final String replacement;

  public Completion(String kind, String replacement) {
    this.kind = kind;
    this.provider = new Object();
    this.replacement = replacement;
  }

  /** A getter the agent must never call. */
  public String getKind() {
    throw new IllegalStateException("host code called");
  }
}
