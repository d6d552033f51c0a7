package io.tracked.hosts.legacy;

/** Overloads, a secret-looking parameter name, an object argument and state on {@code this}. */
public class Inserter {
  private final String action;

  public Inserter(String action) {
    this.action = action;
  }

  public void insert(Completion c) {
    insert(c, false);
  }

  public void insert(Completion c, boolean replace) {}

  public void setStyle(String styleKey) {}

  public void send(String prompt, String model) {}

  public void actionPerformed(Object event) {}

  public static void utility(String value) {}
}
