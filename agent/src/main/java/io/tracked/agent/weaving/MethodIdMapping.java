package io.tracked.agent.weaving;

import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;

/**
 * Compiles a number chosen for each woven method into its advice as a constant: the method's id
 * ({@link TrackedAdvice.MethodId}) or its event's key ({@link TrackedAdvice.EventKey}). The number is
 * looked up by the method being woven, so one {@link Advice} per advice class serves every method:
 * building an {@code Advice} parses the advice class, which is too slow to repeat for each method
 * while a host class waits to load.
 */
final class MethodIdMapping<T extends Annotation> implements Advice.OffsetMapping.Factory<T> {

  private final Class<T> annotation;
  private final Map<String, Integer> ids = new ConcurrentHashMap<>();

  MethodIdMapping(Class<T> annotation) {
    this.annotation = annotation;
  }

  /** Records the number the advice of {@code adviceKind} gets in this method. */
  void assign(String adviceKind, TypeDescription type, MethodDescription method, int id) {
    ids.put(key(adviceKind, type, method), id);
  }

  private static String key(String adviceKind, TypeDescription type, MethodDescription method) {
    return adviceKind + ' ' + type.getName() + '#' + method.getInternalName() + method.getDescriptor();
  }

  /** Event advice and switch advice number their methods separately. */
  static String kindOf(TypeDescription adviceType) {
    return adviceType.getName().startsWith(SwitchAdvice.class.getName()) ? "switch" : "event";
  }

  @Override
  public Class<T> getAnnotationType() {
    return annotation;
  }

  @Override
  public Advice.OffsetMapping make(ParameterDescription.InDefinedShape target,
      AnnotationDescription.Loadable<T> annotation, AdviceType adviceType) {
    String kind = kindOf(target.getDeclaringMethod().getDeclaringType());
    return (instrumentedType, instrumentedMethod, assigner, argumentHandler, sort) -> {
      Integer id = ids.get(key(kind, instrumentedType, instrumentedMethod));
      // -1 is never issued: a call reported with it is ignored by the dispatcher.
      return Advice.OffsetMapping.Target.ForStackManipulation.of(id == null ? -1 : id);
    };
  }
}
