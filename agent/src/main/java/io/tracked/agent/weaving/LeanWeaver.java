package io.tracked.agent.weaving;

import io.tracked.agent.event.EventBinding;
import io.tracked.agent.config.MethodsOption;
import io.tracked.agent.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The start-up weaver: for the few classes that pass {@link WeavingTransformer}'s byte scan, it reads
 * the annotations from the class file ({@link ClassFileBindings}, {@link BindingFactory}'s rules) and
 * rewrites the tracked methods ({@link ExitBlockWriter}), with the ASM bundled in Byte Buddy alone. Byte Buddy's
 * {@code AgentBuilder} and {@code Advice} (most of the agent's start-up cost: about a thousand classes
 * loaded and run interpreted before the first tracked class could load) are left for {@code attach},
 * where already loaded classes must be retransformed ({@link TrackedInstrumentation}).
 *
 * <p>Calls are reported exactly as {@link TrackedAdvice} and {@link SwitchAdvice} report them.
 */
public final class LeanWeaver implements ClassFileTransformer {

  private final MethodBindings bindings;
  private final MethodsOption methods;
  private final Consumer<String> switchDeclared;

  public LeanWeaver(MethodBindings bindings, MethodsOption methods, Consumer<String> switchDeclared) {
    this.bindings = bindings;
    this.methods = methods;
    this.switchDeclared = switchDeclared;
  }

  /** What to add to one method: an event report, a switch report, or both. */
  private record Plan(int eventId, boolean onException, int switchId, boolean switchFromReturn) {}

  @Override
  public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain, byte[] bytes) {
    Map<String, Plan> plans = plan(bytes);
    if (plans.isEmpty()) {
      return null;
    }
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
      private boolean frames;

      @Override
      public void visit(int version, int access, String className, String signature, String superName,
          String[] interfaces) {
        frames = (version & 0xFFFF) >= Opcodes.V1_6;
        super.visit(version, access, className, signature, superName, interfaces);
      }

      @Override
      public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature,
          String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, methodName, descriptor, signature, exceptions);
        Plan plan = plans.get(methodName + descriptor);
        if (plan == null) {
          return next;
        }
        return new ExitBlockWriter(next, internalName, access, descriptor, frames,
            plan.eventId(), plan.onException(), plan.switchId(), plan.switchFromReturn());
      }
    }, ClassReader.EXPAND_FRAMES);
    return writer.toByteArray();
  }

  /** The methods of the class to rewrite, keyed by name and descriptor, with their ids registered. */
  private Map<String, Plan> plan(byte[] bytes) {
    Map<String, Plan> plans = new HashMap<>();
    for (ClassFileBindings.MethodBinding method : ClassFileBindings.read(bytes, methods)) {
      int switchId = -1;
      boolean fromReturn = false;
      BindingFactory.SwitchBinding switchBinding = method.switchBinding();
      if (switchBinding != null) {
        if (switchBinding.problem() != null) {
          AgentLog.once("switch:" + switchBinding.method(), switchBinding.problem());
        } else {
          switchId = bindings.registerSwitch(switchBinding.method());
          fromReturn = switchBinding.fromReturn();
          switchDeclared.accept(switchBinding.method());
        }
      }
      EventBinding binding = method.event();
      int eventId = binding == null ? -1 : bindings.register(binding);
      if (eventId >= 0 || switchId >= 0) {
        plans.put(method.name() + method.descriptor(),
            new Plan(eventId, binding != null && binding.onException(), switchId, fromReturn));
      }
    }
    return plans;
  }
}
