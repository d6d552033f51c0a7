package io.tracked.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that every call of the annotated method is an anonymous analytics event.
 *
 * <p>Without the Tracked agent this annotation does nothing. With it, each call that returns
 * normally becomes one event named {@link #value()}. Each argument becomes a property named after
 * its parameter (compile with {@code javac -parameters}) or after {@link TrackedProperty}; an
 * argument whose name is unknown, or that is marked {@link NotTracked}, is never captured. Every
 * captured value passes through the agent's sanitizer, which drops anything that could identify a
 * person or hold their code, prompts, paths or secrets, and nothing is sent unless the user allows
 * telemetry.
 *
 * <pre>{@code
 * @Tracked("autocomplete")
 * void onSuggestionOutcome(boolean accepted, String modelName, @NotTracked String completionText) { ... }
 * }</pre>
 *
 * <p>On an interface or abstract method it applies to every implementation, on a concrete method
 * to every override; the nearest annotation wins, and one call is one event even when an override
 * calls {@code super}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tracked {

  /** The event name; empty means the method's own name. */
  String value() default "";

  /** The property that receives the return value; empty means the return value is not captured. */
  String returns() default "";

  /**
   * Whether a call that ends in an exception still produces its event. When it does, the event
   * carries the exception's class name in the property {@code exception}, never its message.
   */
  boolean onException() default false;
}
