package io.tracked.agent.cli;

import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;
import io.tracked.agent.config.RunningAgent;
import java.io.File;
import java.io.PrintStream;

/** {@code attach PID [key=value,...]}: loads this jar as an agent into a running JVM. */
final class AttachCommand {

  private AttachCommand() {}

  static int run(String[] arguments, PrintStream out, PrintStream err) {
    if (arguments.length < 1 || arguments.length > 2 || !arguments[0].matches("\\d+")) {
      throw new Cli.UsageException("usage: java -jar tracked-agent.jar attach PID [key=value,...]"
          + " (PID is the process id of a running JVM; list them with jps)");
    }
    String agentJar;
    try {
      agentJar = new File(Cli.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
    } catch (Exception unknown) {
      err.println("cannot locate the agent jar: " + unknown);
      return 1;
    }
    if (!agentJar.endsWith(".jar")) {
      err.println("attach works from the packaged jar: run java -jar agent/target/tracked-agent.jar attach PID");
      return 1;
    }
    try {
      VirtualMachine vm = VirtualMachine.attach(arguments[0]);
      try {
        String running = vm.getSystemProperties().getProperty(RunningAgent.PROPERTY);
        if (running != null) {
          out.println("Tracked agent already running in JVM " + arguments[0] + " (" + running + "); nothing to do."
              + " To change its options, restart that application");
          return 0;
        }
        vm.loadAgent(agentJar, arguments.length == 2 ? arguments[1] : null);
      } finally {
        vm.detach();
      }
    } catch (AgentLoadException | RuntimeException | java.io.IOException
        | com.sun.tools.attach.AttachNotSupportedException | com.sun.tools.attach.AgentInitializationException failure) {
      err.println("could not attach to JVM " + arguments[0] + ": " + failure.getMessage()
          + ". Fix: run as the same user as that JVM, with a JDK (not a JRE), and check the PID with jps");
      return 1;
    }
    out.println("Tracked agent loaded into JVM " + arguments[0] + "; its messages appear on that JVM's stderr");
    return 0;
  }
}
