package io.tracked.agent.weaving;

import io.tracked.agent.event.EventBinding;
import io.tracked.agent.config.MethodsOption;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * {@link BindingFactory}'s decisions, read straight from a class file with ASM: which methods are
 * events (and with which properties) and which are {@code @TelemetrySwitch} methods. The start-up
 * weaver uses this so that a host's first tracked class costs no Byte Buddy type description (a few
 * hundred classes and their set-up, run interpreted). The rules are BindingFactory's, and a test
 * holds the two to the same answers on every test host.
 *
 * <p>Parameter names come from the {@code MethodParameters} attribute ({@code javac -parameters}),
 * else from the local variable table (debug information), as Byte Buddy's extended type pool reads
 * them; without either, an argument without {@code @TrackedProperty} is not captured.
 */
final class ClassFileBindings {

  private static final String TRACKED = descriptor(BindingFactory.TRACKED);
  private static final String TRACKED_PROPERTY = descriptor(BindingFactory.TRACKED_PROPERTY);
  private static final String NOT_TRACKED = descriptor(BindingFactory.NOT_TRACKED);
  private static final String TELEMETRY_SWITCH = descriptor(BindingFactory.TELEMETRY_SWITCH);

  /** One method's verdicts: its event binding and its switch binding, either possibly null. */
  record MethodBinding(String name, String descriptor, EventBinding event, BindingFactory.SwitchBinding switchBinding) {}

  private ClassFileBindings() {}

  private static String descriptor(String className) {
    return "L" + className.replace('.', '/') + ";";
  }

  /** Every method of the class that is an event or a switch, in declaration order. */
  static List<MethodBinding> read(byte[] classFile, MethodsOption methods) {
    ClassReader reader = new ClassReader(classFile);
    String className = reader.getClassName().replace('/', '.');
    List<MethodFacts> facts = new ArrayList<>();
    reader.accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        MethodFacts method = new MethodFacts(access, name, descriptor);
        facts.add(method);
        return method.reader();
      }
    }, ClassReader.SKIP_FRAMES);
    List<MethodBinding> bindings = new ArrayList<>();
    for (MethodFacts method : facts) {
      EventBinding event = method.event(className, methods);
      BindingFactory.SwitchBinding switchBinding = method.switchBinding(className);
      if (event != null || switchBinding != null) {
        bindings.add(new MethodBinding(method.name, method.descriptor, event, switchBinding));
      }
    }
    return bindings;
  }

  /** What the class file says about one method. */
  private static final class MethodFacts {
    final int access;
    final String name;
    final String descriptor;
    final Type[] parameters;
    boolean tracked;
    String value = "";
    String returns = "";
    boolean onException;
    boolean telemetrySwitch;
    final boolean[] notTracked;
    final String[] propertyNames;
    final String[] declaredNames;
    final String[] debugNames;
    int declaredNameCount;

    MethodFacts(int access, String name, String descriptor) {
      this.access = access;
      this.name = name;
      this.descriptor = descriptor;
      this.parameters = Type.getArgumentTypes(descriptor);
      this.notTracked = new boolean[parameters.length];
      this.propertyNames = new String[parameters.length];
      this.declaredNames = new String[parameters.length];
      this.debugNames = new String[parameters.length];
    }

    boolean weavable() {
      return !name.startsWith("<")
          && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE)) == 0;
    }

    EventBinding event(String className, MethodsOption methods) {
      if (!weavable()) {
        return null;
      }
      String eventName;
      String returnProperty = null;
      boolean exceptions = false;
      if (tracked) {
        eventName = value.isEmpty() ? name : value;
        returnProperty = returns.isEmpty() ? null : returns;
        exceptions = onException;
      } else {
        eventName = methods.eventFor(className, name);
        if (eventName == null) {
          return null;
        }
      }
      List<String> properties = new ArrayList<>(parameters.length);
      for (int i = 0; i < parameters.length; i++) {
        properties.add(propertyName(i));
      }
      return new EventBinding(className, name, descriptor, eventName, List.copyOf(properties), returnProperty, exceptions);
    }

    /** As BindingFactory: "" for an argument that is never read. */
    private String propertyName(int index) {
      if (notTracked[index]) {
        return "";
      }
      if (propertyNames[index] != null && !propertyNames[index].isEmpty()) {
        return propertyNames[index];
      }
      String parameterName = declaredNameCount == parameters.length && declaredNames[index] != null
          ? declaredNames[index] : debugNames[index];
      return parameterName == null ? "" : parameterName;
    }

    BindingFactory.SwitchBinding switchBinding(String className) {
      if (!weavable() || !telemetrySwitch) {
        return null;
      }
      String method = className + "#" + name;
      Type returnType = Type.getReturnType(descriptor);
      if (isBoolean(returnType) && parameters.length == 0) {
        return new BindingFactory.SwitchBinding(method, true, null);
      }
      if (parameters.length == 1 && isBoolean(parameters[0])) {
        return new BindingFactory.SwitchBinding(method, false, null);
      }
      return new BindingFactory.SwitchBinding(method, false, "@TelemetrySwitch on " + method + " is ignored: the"
          + " method must return a boolean and take no arguments, or take exactly one boolean. Fix: annotate the"
          + " method that reads or applies the setting");
    }

    private static boolean isBoolean(Type type) {
      return type.getSort() == Type.BOOLEAN || type.getDescriptor().equals("Ljava/lang/Boolean;");
    }

    MethodVisitor reader() {
      int firstSlot = (access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitParameter(String parameterName, int parameterAccess) {
          if (declaredNameCount < declaredNames.length) {
            declaredNames[declaredNameCount] = parameterName;
          }
          declaredNameCount++;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
          if (annotation.equals(TELEMETRY_SWITCH)) {
            telemetrySwitch = true;
          } else if (annotation.equals(TRACKED)) {
            tracked = true;
            return new AnnotationVisitor(Opcodes.ASM9) {
              @Override
              public void visit(String key, Object given) {
                if (key.equals("value") && given instanceof String) {
                  value = (String) given;
                } else if (key.equals("returns") && given instanceof String) {
                  returns = (String) given;
                } else if (key.equals("onException") && given instanceof Boolean) {
                  onException = (Boolean) given;
                }
              }
            };
          }
          return null;
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
          // javac may count fewer parameter annotations than parameters (synthetic ones first): align right.
          int index = parameter;
          if (annotation.equals(NOT_TRACKED) && index < notTracked.length) {
            notTracked[index] = true;
          } else if (annotation.equals(TRACKED_PROPERTY) && index < propertyNames.length) {
            return new AnnotationVisitor(Opcodes.ASM9) {
              @Override
              public void visit(String key, Object given) {
                if (key.equals("value") && given instanceof String) {
                  propertyNames[index] = (String) given;
                }
              }
            };
          }
          return null;
        }

        @Override
        public void visitLocalVariable(String variable, String variableDescriptor, String signature, Label start,
            Label end, int slot) {
          int current = firstSlot;
          for (int i = 0; i < parameters.length; i++) {
            if (current == slot && debugNames[i] == null) {
              debugNames[i] = variable;
              return;
            }
            current += parameters[i].getSize();
          }
        }
      };
    }
  }
}
