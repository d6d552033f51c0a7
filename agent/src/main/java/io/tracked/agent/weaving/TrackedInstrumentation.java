package io.tracked.agent.weaving;

import static net.bytebuddy.matcher.ElementMatchers.hasDescriptor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import io.tracked.agent.config.MethodSpec;
import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the one {@link AgentBuilder} that weaves {@link TrackedAdvice} into tracked methods.
 * Matching is staged from cheapest to dearest: names the agent never touches are ignored first; the
 * {@link CandidateGate} then lets through only classes that mention the API, are named by the
 * {@code methods} option, or inherit from such a class; only those are parsed, and a class is
 * woven only if one of its methods gets a binding. Classes loaded before the agent (when attached
 * late) are retransformed.
 */
public final class TrackedInstrumentation {

  private static final String WARM_UP = WarmUpTarget.class.getName();
  private static final String[] IGNORED_PREFIXES = {
      "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.tracked.agent.", "net.bytebuddy.", "org.graalvm.",
  };

  private final WeaveRegistry registry;
  private final BindingFactory factory;
  private final MethodsOption methods;
  private final WeavingListener listener;
  private final CandidateGate gate;
  private final MethodIdMapping<TrackedAdvice.MethodId> methodIds = new MethodIdMapping<>(TrackedAdvice.MethodId.class);
  private final MethodIdMapping<TrackedAdvice.EventKey> eventKeys = new MethodIdMapping<>(TrackedAdvice.EventKey.class);
  /** Whether a {@link WeavingTransformer} in front has already run the gate on each class. */
  private volatile boolean gatedInFront;
  private Advice eventAdvice;
  private Advice onExceptionAdvice;
  private Advice withSelfAdvice;
  private Advice withSelfOnExceptionAdvice;
  private Advice switchFromReturnAdvice;
  private Advice switchFromArgumentAdvice;

  /**
   * @param switchDeclared told of each host {@code @TelemetrySwitch} method as its class is woven
   */
  public TrackedInstrumentation(MethodBindings bindings, MethodsOption methods, WeavingListener listener,
      Consumer<String> switchDeclared) {
    this(new WeaveRegistry(bindings, methods, switchDeclared), listener);
  }

  /** @param registry where every binding, switch and problem goes, and is recorded for the weave cache */
  public TrackedInstrumentation(WeaveRegistry registry, WeavingListener listener) {
    this.registry = registry;
    this.methods = registry.methods();
    this.factory = new BindingFactory(methods, problem -> registry.problem("entry:" + problem, problem));
    this.listener = listener;
    this.gate = new CandidateGate(methods.internalNames());
  }

  /**
   * Installs the weaver and re-weaves matching classes that are already loaded: for {@code attach},
   * where the host has been running for a while.
   */
  public ResettableClassFileTransformer install(Instrumentation instrumentation) {
    registry.reportAtExitWhenDebugging(null);
    return builder(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION).installOn(instrumentation);
  }

  /**
   * Builds the weaver without registering it, for {@link WeavingTransformer} to call: at start-up no
   * host class is loaded yet, so there is nothing to re-weave.
   */
  public java.lang.instrument.ClassFileTransformer build() {
    gatedInFront = true;
    return builder(AgentBuilder.RedefinitionStrategy.DISABLED).warmUp(WarmUpTarget.class).makeRaw();
  }

  private AgentBuilder builder(AgentBuilder.RedefinitionStrategy redefinition) {
    ClassFileLocator adviceLocator = ClassFileLocator.ForClassLoader.of(TrackedAdvice.class.getClassLoader());
    Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(methodIds).bind(eventKeys);
    Advice.ExceptionHandler handler = AdviceFailureHandler.create();
    eventAdvice = mapping.to(TrackedAdvice.class, adviceLocator).withExceptionHandler(handler);
    onExceptionAdvice = mapping.to(TrackedAdvice.OnException.class, adviceLocator).withExceptionHandler(handler);
    withSelfAdvice = mapping.to(TrackedAdvice.WithSelf.class, adviceLocator).withExceptionHandler(handler);
    withSelfOnExceptionAdvice = mapping.to(TrackedAdvice.WithSelfOnException.class, adviceLocator)
        .withExceptionHandler(handler);
    switchFromReturnAdvice = mapping.to(SwitchAdvice.FromReturn.class, adviceLocator).withExceptionHandler(handler);
    switchFromArgumentAdvice = mapping.to(SwitchAdvice.FromArgument.class, adviceLocator).withExceptionHandler(handler);
    return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        .disableClassFormatChanges()
        .with(redefinition)
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
        .with(AgentBuilder.PoolStrategy.Default.EXTENDED)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        // A plugin's loader may have no copy of the API: its annotations still resolve, from ours.
        .with(new AgentBuilder.LocationStrategy.Compound(AgentBuilder.LocationStrategy.ForClassLoader.STRONG,
            new AgentBuilder.LocationStrategy.Simple(new EmbeddedApiLocator())))
        .with(listener)
        .with(new AgentBuilder.Listener.Adapter() {
          @Override
          public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
              Throwable error) {
            registry.failed(); // a class that failed to weave is not cached: the next start tries again
          }
        })
        .ignore(this::ignored)
        .type(this::tracked)
        .transform(this::weave);
  }

  private boolean ignored(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> redefined,
      ProtectionDomain domain) {
    if (loader == null) {
      return true; // host classes never live in the bootstrap loader
    }
    String name = type.getName();
    if (name.equals(WARM_UP)) {
      return false;
    }
    for (String prefix : IGNORED_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private boolean tracked(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> redefined,
      ProtectionDomain domain) {
    String name = type.getName();
    if (name.equals(WARM_UP)) {
      return true;
    }
    // At start-up the WeavingTransformer has run the gate already; after attach nothing has.
    if (!gatedInFront && !gate.candidate(loader, name.replace('.', '/'), null, domain)) {
      return false;
    }
    checkEntries(type);
    Declarations declarations = declarations(type, loader);
    for (MethodDescription method : type.getDeclaredMethods()) {
      if (BindingFactory.switchBindingFor(type, method) != null || factory.bindingFor(declarations, method) != null) {
        return true;
      }
    }
    return false;
  }

  /** After attach, a class may come rebuilt by the JVM: its missing parameter names are read from its file. */
  private Declarations declarations(TypeDescription type, ClassLoader loader) {
    return gatedInFront ? factory.declarations(type) : factory.declarations(type, loader);
  }

  /** A named class has loaded: say which of its entries can never fire, and why. */
  private void checkEntries(TypeDescription type) {
    List<MethodSpec> specs = methods.specsFor(type.getName());
    if (specs.isEmpty()) {
      return;
    }
    registry.configuredLoaded(type.getName());
    for (MethodSpec spec : specs) {
      String problem = EntryCheck.problem(type, spec);
      if (problem != null) {
        // Recorded for every copy of the class (the cache keeps each), printed once per process.
        registry.problem("entry:" + spec.text(), problem);
      }
    }
  }

  private DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
      JavaModule module, ProtectionDomain domain) {
    if (type.getName().equals(WARM_UP)) {
      // Exercises the same advice as a real method; the bytes are dropped, no id is needed.
      return builder.visit(eventAdvice.on(named("settled")));
    }
    Declarations declarations = declarations(type, loader);
    for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
      builder = weaveSwitch(builder, type, method);
      EventBinding binding = factory.bindingFor(declarations, method);
      if (binding == null) {
        continue;
      }
      WeaveRegistry.Ids ids = registry.event(binding);
      methodIds.assign("event", type, method, ids.methodId());
      eventKeys.assign("event", type, method, ids.eventKey());
      Advice advice = binding.includesSelf()
          ? (binding.onException() ? withSelfOnExceptionAdvice : withSelfAdvice)
          : (binding.onException() ? onExceptionAdvice : eventAdvice);
      builder = builder.visit(advice.on(named(method.getName()).and(hasDescriptor(method.getDescriptor()))));
      registry.debug("woven " + type.getName() + "#" + method.getName() + method.getDescriptor() + " as event '"
          + binding.eventName() + "' with properties " + binding.propertyNames());
    }
    return builder;
  }

  private DynamicType.Builder<?> weaveSwitch(DynamicType.Builder<?> builder, TypeDescription type,
      MethodDescription.InDefinedShape method) {
    BindingFactory.SwitchBinding binding = BindingFactory.switchBindingFor(type, method);
    if (binding == null) {
      return builder;
    }
    if (binding.problem() != null) {
      registry.problem("switch:" + binding.method(), binding.problem());
      return builder;
    }
    methodIds.assign("switch", type, method, registry.hostSwitch(binding.method()));
    Advice advice = binding.fromReturn() ? switchFromReturnAdvice : switchFromArgumentAdvice;
    registry.debug("woven " + type.getName() + "#" + method.getName() + " as the host's telemetry switch");
    return builder.visit(advice.on(named(method.getName()).and(hasDescriptor(method.getDescriptor()))));
  }
}
