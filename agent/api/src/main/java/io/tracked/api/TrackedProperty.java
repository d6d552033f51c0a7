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
}
