package io.tracked.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps an argument of a {@link Tracked} method out of the event entirely: the agent never reads
 * it, so the sanitizer never has to judge it. Use it for arguments that obviously hold content,
 * such as document text or prompts.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface NotTracked {}
