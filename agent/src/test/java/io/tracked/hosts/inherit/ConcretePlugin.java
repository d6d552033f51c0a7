package io.tracked.hosts.inherit;

/** Overrides calling super: one call is still one event. */
public class ConcretePlugin extends BasePlugin {

  @Override
  public void run(String command, String document) {
    super.run(command, document);
  }

  @Override
  public void configure(String setting) {}

  @Override
  public void save(String format) {
    super.save(format);
  }
}
