package io.tracked.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the property that an argument of a {@link Tracked} method becomes. Needed when the host is
 * not compiled with {@code -parameters}, or when the event's property name differs from the
 * parameter's, such as PostHog's {@code $current_url}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TrackedProperty {

  /** The property name. */
  String value();

  /**
   * Declares the value an id the host generated itself (a UUID, bare or after a short prefix such as
   * {@code chat-}), so the agent sends it. Without this, a UUID is dropped: a vendor's API key can be a
   * bare UUID and cannot be told from an id by its shape. Every other sanitizer rule still applies.
   */
  boolean generatedId() default false;
}
