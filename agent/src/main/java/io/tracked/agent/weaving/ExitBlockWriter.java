package io.tracked.agent.weaving;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Rewrites one method so that it reports its end to {@code TrackedBridge}, with ASM alone (the copy
 * bundled in Byte Buddy), which is what {@link TrackedAdvice} and {@link SwitchAdvice} do through Byte
 * Buddy's {@code Advice}, at a fraction of the start-up cost.
 *
 * <p>Every return instruction becomes a jump to one exit block appended after the method's code. The
 * block keeps the return value in a fresh local, reports (for an event: only while capture is on and
 * the agent has room, so the argument array is built only then), and returns the value. With
 * {@code onException}, the original code is also covered by a catch-all handler that reports the
 * throwable and rethrows it. Whatever the reporting code throws (even a {@code NoClassDefFoundError} in
 * a loader that hides the bootstrap bridge) is caught and dropped: the host never sees it.
 *
 * <p>Stack-map frames: the only new jump targets are in the appended blocks, and their frames are
 * built from the method descriptor alone (the parameters, then the new local), so no class is loaded
 * and no frame of the original code changes. This holds for code whose returns leave only the return
 * value on the operand stack, as javac's and every mainstream compiler's do.
 */
final class ExitBlockWriter extends MethodVisitor {

  static final String BRIDGE = "io/tracked/agent/bootstrap/TrackedBridge";

  private final String owner;
  private final boolean isStatic;
  private final Type[] parameters;
  private final Type returnType;
  private final boolean frames;
  private final int eventId;
  private final boolean onException;
  private final int switchId;
  private final boolean switchFromReturn;
  private final Label bodyStart = new Label();
  private final Label exit = new Label();

  /**
   * @param eventId the event binding's id, or -1 for none
   * @param switchId the switch's id, or -1 for none
   * @param frames whether the class file carries stack-map frames (version 50 and later)
   */
  ExitBlockWriter(MethodVisitor next, String owner, int access, String descriptor, boolean frames,
      int eventId, boolean onException, int switchId, boolean switchFromReturn) {
    super(Opcodes.ASM9, next);
    this.owner = owner;
    this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
    this.parameters = Type.getArgumentTypes(descriptor);
    this.returnType = Type.getReturnType(descriptor);
    this.frames = frames;
    this.eventId = eventId;
    this.onException = onException && eventId >= 0;
    this.switchId = switchId;
    this.switchFromReturn = switchFromReturn;
  }

  @Override
  public void visitCode() {
    super.visitCode();
    super.visitLabel(bodyStart);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      super.visitJumpInsn(Opcodes.GOTO, exit);
    } else {
      super.visitInsn(opcode);
    }
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    Label bodyEnd = new Label();
    super.visitLabel(bodyEnd);
    int local = maxLocals; // a slot the original code never uses
    writeExitBlock(local);
    if (onException) {
      writeThrowBlock(bodyEnd, local);
    }
    super.visitMaxs(maxStack, maxLocals); // recomputed (COMPUTE_MAXS)
  }

  private void writeExitBlock(int valueSlot) {
    boolean isVoid = returnType.getSort() == Type.VOID;
    List<Object> plain = parameterLocals();
    List<Object> withValue = isVoid ? plain : localsWith(valueSlot, frameType(returnType));
    super.visitLabel(exit);
    frame(plain, isVoid ? List.of() : List.of(frameType(returnType)));
    if (!isVoid) {
      super.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), valueSlot);
    }
    Label reportStart = new Label();
    Label reportEnd = new Label();
    Label handler = new Label();
    Label done = new Label();
    super.visitTryCatchBlock(reportStart, reportEnd, handler, "java/lang/Throwable");
    super.visitLabel(reportStart);
    if (switchId >= 0) {
      if (switchFromReturn) {
        loadBoxed(returnType, valueSlot);
      } else {
        loadBoxed(parameters[0], firstParameterSlot());
      }
      push(switchId);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "reportSwitchValue", "(Ljava/lang/Object;I)V", false);
    }
    if (eventId >= 0) {
      skipUnlessCapturing(done);
      if (isVoid) {
        super.visitInsn(Opcodes.ACONST_NULL);
      } else {
        loadBoxed(returnType, valueSlot);
      }
      push(eventId);
      pushArguments();
      super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "returned", "(Ljava/lang/Object;I[Ljava/lang/Object;)V", false);
    }
    super.visitLabel(reportEnd);
    super.visitJumpInsn(Opcodes.GOTO, done);
    super.visitLabel(handler);
    frame(withValue, List.of("java/lang/Throwable"));
    super.visitInsn(Opcodes.POP);
    super.visitLabel(done);
    frame(withValue, List.of());
    if (!isVoid) {
      super.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), valueSlot);
    }
    super.visitInsn(returnType.getOpcode(Opcodes.IRETURN));
  }

  private void writeThrowBlock(Label bodyEnd, int thrownSlot) {
    Label handler = new Label();
    super.visitTryCatchBlock(bodyStart, bodyEnd, handler, "java/lang/Throwable");
    List<Object> withThrown = localsWith(thrownSlot, "java/lang/Throwable");
    super.visitLabel(handler);
    frame(parameterLocals(), List.of("java/lang/Throwable"));
    super.visitVarInsn(Opcodes.ASTORE, thrownSlot);
    Label reportStart = new Label();
    Label reportEnd = new Label();
    Label failed = new Label();
    Label rethrow = new Label();
    super.visitTryCatchBlock(reportStart, reportEnd, failed, "java/lang/Throwable");
    super.visitLabel(reportStart);
    skipUnlessCapturing(rethrow);
    super.visitVarInsn(Opcodes.ALOAD, thrownSlot);
    push(eventId);
    pushArguments();
    super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "thrown", "(Ljava/lang/Throwable;I[Ljava/lang/Object;)V", false);
    super.visitLabel(reportEnd);
    super.visitJumpInsn(Opcodes.GOTO, rethrow);
    super.visitLabel(failed);
    frame(withThrown, List.of("java/lang/Throwable"));
    super.visitInsn(Opcodes.POP);
    super.visitLabel(rethrow);
    frame(withThrown, List.of());
    super.visitVarInsn(Opcodes.ALOAD, thrownSlot);
    super.visitInsn(Opcodes.ATHROW);
  }

  /** Jumps to {@code skip} unless capture is on and the agent has room: nothing is built otherwise. */
  private void skipUnlessCapturing(Label skip) {
    super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "capturing", "()Z", false);
    super.visitJumpInsn(Opcodes.IFEQ, skip);
    super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "hasRoom", "()Z", false);
    super.visitJumpInsn(Opcodes.IFEQ, skip);
  }

  /** Pushes {@code new Object[] {arg0, arg1, ...}} with primitives boxed. */
  private void pushArguments() {
    push(parameters.length);
    super.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
    int slot = firstParameterSlot();
    for (int i = 0; i < parameters.length; i++) {
      super.visitInsn(Opcodes.DUP);
      push(i);
      loadBoxed(parameters[i], slot);
      super.visitInsn(Opcodes.AASTORE);
      slot += parameters[i].getSize();
    }
  }

  private void loadBoxed(Type type, int slot) {
    super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
    String box = switch (type.getSort()) {
      case Type.BOOLEAN -> "java/lang/Boolean";
      case Type.BYTE -> "java/lang/Byte";
      case Type.CHAR -> "java/lang/Character";
      case Type.SHORT -> "java/lang/Short";
      case Type.INT -> "java/lang/Integer";
      case Type.LONG -> "java/lang/Long";
      case Type.FLOAT -> "java/lang/Float";
      case Type.DOUBLE -> "java/lang/Double";
      default -> null;
    };
    if (box != null) {
      super.visitMethodInsn(Opcodes.INVOKESTATIC, box, "valueOf", "(" + type.getDescriptor() + ")L" + box + ";", false);
    }
  }

  private void push(int value) {
    if (value >= -1 && value <= 5) {
      super.visitInsn(Opcodes.ICONST_0 + value);
    } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
      super.visitIntInsn(Opcodes.BIPUSH, value);
    } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
      super.visitIntInsn(Opcodes.SIPUSH, value);
    } else {
      super.visitLdcInsn(value);
    }
  }

  private int firstParameterSlot() {
    return isStatic ? 0 : 1;
  }

  private void frame(List<Object> locals, List<Object> stack) {
    if (frames) {
      super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), stack.size(), stack.toArray());
    }
  }

  /** The frame's locals at method entry: {@code this} (if any) and the parameters, by their declared types. */
  private List<Object> parameterLocals() {
    List<Object> locals = new ArrayList<>();
    if (!isStatic) {
      locals.add(owner);
    }
    for (Type parameter : parameters) {
      locals.add(frameType(parameter));
    }
    return locals;
  }

  /** The entry locals, then nothing usable up to {@code slot}, which holds {@code type}. */
  private List<Object> localsWith(int slot, Object type) {
    List<Object> locals = parameterLocals();
    int used = firstParameterSlot();
    for (Type parameter : parameters) {
      used += parameter.getSize();
    }
    for (int i = used; i < slot; i++) {
      locals.add(Opcodes.TOP);
    }
    locals.add(type);
    return locals;
  }

  private static Object frameType(Type type) {
    return switch (type.getSort()) {
      case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
      case Type.FLOAT -> Opcodes.FLOAT;
      case Type.LONG -> Opcodes.LONG;
      case Type.DOUBLE -> Opcodes.DOUBLE;
      default -> type.getInternalName(); // arrays: their descriptor, as frames want
    };
  }
}
