package org.thirdparty.editor;

/** Implements {@link Action}; its name is a field, read by path. */
public class NamedAction implements Action {
  private final String name;

  public NamedAction(String name) {
    this.name = name;
  }

  @Override
  public void actionPerformed(Object event) {}
}
