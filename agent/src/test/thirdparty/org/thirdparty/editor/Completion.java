package org.thirdparty.editor;

/** A completion: one useful field ({@code kind}) among internals and the user's code. */
public class Completion {
  private final String kind;
  private final Provider provider = new Provider();
  private final String replacement;

  public Completion(String kind, String replacement) {
    this.kind = kind;
    this.replacement = replacement;
  }

  public String getKind() {
    throw new IllegalStateException("the agent must not call host getters");
  }
}
