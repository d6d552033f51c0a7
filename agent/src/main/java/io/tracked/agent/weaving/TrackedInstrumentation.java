package io.tracked.agent.weaving;

import static net.bytebuddy.matcher.ElementMatchers.hasDescriptor;
import static net.bytebuddy.matcher.ElementMatchers.named;

import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.event.EventBinding;
import io.tracked.agent.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationList;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the one {@link AgentBuilder} that weaves {@link TrackedAdvice} into tracked methods.
 * Matching is staged from cheapest to dearest, as Elastic APM does: names the agent never touches
 * are ignored first; then a class loader must be able to see the {@code @Tracked} API (or the class
 * must be named by the {@code methods} option) before any class file is parsed for annotations.
 * Classes loaded before the agent (when attached late) are retransformed.
 */
public final class TrackedInstrumentation {

  private static final String WARM_UP = WarmUpTarget.class.getName();
  private static final String API_RESOURCE = BindingFactory.TRACKED.replace('.', '/') + ".class";
  private static final String[] IGNORED_PREFIXES = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.tracked.agent.", "net.bytebuddy.", "org.graalvm.",
  };

  private final MethodBindings bindings;
  private final BindingFactory factory;
  private final MethodsOption methods;
  private final WeavingListener listener;
  private final Map<ClassLoader, Boolean> apiVisible = Collections.synchronizedMap(new WeakHashMap<>());
  private final Consumer<String> switchDeclared;
  private final MethodIdMapping methodIds = new MethodIdMapping();
  private Advice eventAdvice;
  private Advice onExceptionAdvice;
  private Advice switchFromReturnAdvice;
  private Advice switchFromArgumentAdvice;

  /**
   * @param switchDeclared told of each host {@code @TelemetrySwitch} method as its class is woven
   */
  public TrackedInstrumentation(MethodBindings bindings, MethodsOption methods, WeavingListener listener,
      Consumer<String> switchDeclared) {
    this.bindings = bindings;
    this.methods = methods;
    this.factory = new BindingFactory(methods);
    this.listener = listener;
    this.switchDeclared = switchDeclared;
  }

  /**
   * Installs the weaver and re-weaves matching classes that are already loaded: for {@code attach},
   * where the host has been running for a while.
   */
  public ResettableClassFileTransformer install(Instrumentation instrumentation) {
    return builder(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION).installOn(instrumentation);
  }

  /**
   * Builds the weaver without registering it, for {@link WeavingTransformer} to call: at start-up no
   * host class is loaded yet, so there is nothing to re-weave.
   */
  public java.lang.instrument.ClassFileTransformer build() {
    return builder(AgentBuilder.RedefinitionStrategy.DISABLED).warmUp(WarmUpTarget.class).makeRaw();
  }

  private AgentBuilder builder(AgentBuilder.RedefinitionStrategy redefinition) {
    ClassFileLocator adviceLocator = ClassFileLocator.ForClassLoader.of(TrackedAdvice.class.getClassLoader());
    Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(methodIds);
    eventAdvice = mapping.to(TrackedAdvice.class, adviceLocator);
    onExceptionAdvice = mapping.to(TrackedAdvice.OnException.class, adviceLocator);
    switchFromReturnAdvice = mapping.to(SwitchAdvice.FromReturn.class, adviceLocator);
    switchFromArgumentAdvice = mapping.to(SwitchAdvice.FromArgument.class, adviceLocator);
    return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        .disableClassFormatChanges()
        .with(redefinition)
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
        .with(AgentBuilder.PoolStrategy.Default.EXTENDED)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(listener)
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
    if (methods.eventsByClass().containsKey(type.getName()) || type.getName().equals(WARM_UP)) {
      return true;
    }
    if (!seesApi(loader)) {
      return false;
    }
    for (MethodDescription method : type.getDeclaredMethods()) {
      AnnotationList annotations = method.getDeclaredAnnotations();
      if (BindingFactory.annotation(annotations, BindingFactory.TRACKED) != null
          || BindingFactory.annotation(annotations, BindingFactory.TELEMETRY_SWITCH) != null) {
        return true;
      }
    }
    return false;
  }

  private boolean seesApi(ClassLoader loader) {
    Boolean known = apiVisible.get(loader);
    if (known == null) {
      known = loader.getResource(API_RESOURCE) != null;
      apiVisible.put(loader, known);
    }
    return known;
  }

  private DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
      JavaModule module, ProtectionDomain domain) {
    if (type.getName().equals(WARM_UP)) {
      // Exercises the same advice as a real method; the bytes are dropped, no id is needed.
      return builder.visit(eventAdvice.on(named("settled")));
    }
    for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
      builder = weaveSwitch(builder, type, method);
      EventBinding binding = factory.bindingFor(type, method);
      if (binding == null) {
        continue;
      }
      methodIds.assign("event", type, method, bindings.register(binding));
      Advice advice = binding.onException() ? onExceptionAdvice : eventAdvice;
      builder = builder.visit(advice.on(named(method.getName()).and(hasDescriptor(method.getDescriptor()))));
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
      AgentLog.once("switch:" + binding.method(), binding.problem());
      return builder;
    }
    methodIds.assign("switch", type, method, bindings.registerSwitch(binding.method()));
    switchDeclared.accept(binding.method());
    Advice advice = binding.fromReturn() ? switchFromReturnAdvice : switchFromArgumentAdvice;
    return builder.visit(advice.on(named(method.getName()).and(hasDescriptor(method.getDescriptor()))));
  }
}
