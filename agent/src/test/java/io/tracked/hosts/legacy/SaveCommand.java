package io.tracked.hosts.legacy;

/** Implements {@link Command}, and inherits a method it does not declare. */
public class SaveCommand extends Inserter implements Command {
  public SaveCommand() {
    super("save");
  }

  @Override
  public void execute(String name) {}
}
