package io.tracked.benchmarks.plainagent;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * The comparison point for Tracked's start-up: the smallest honest Byte Buddy agent doing the same
 * job, an {@link AgentBuilder} with inline exit advice that captures the arguments into a bounded
 * queue drained by a daemon thread ({@link PlainSink}). What Tracked adds beyond this is Tracked's
 * own cost; what this costs is Byte Buddy's. Argument: {@code com.example.Type[method1,method2]}.
 * Packaged by the benchmarks module as {@code target/plain-bytebuddy-agent.jar}.
 */
public final class PlainAgent {

  private PlainAgent() {}

  public static void premain(String arguments, Instrumentation instrumentation) {
    int open = arguments.indexOf('[');
    String type = arguments.substring(0, open);
    String[] methods = arguments.substring(open + 1, arguments.length() - 1).split(",");
    PlainSink.start();
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .type(named(type))
        .transform((builder, description, loader, module, domain) -> builder
            .visit(Advice.to(PlainAdvice.class).on(namedOneOf(methods))))
        .installOn(instrumentation);
  }
}
