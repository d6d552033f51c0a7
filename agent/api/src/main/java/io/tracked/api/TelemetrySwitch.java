package io.tracked.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method through which the host's own telemetry setting flows, such as an IDE's
 * "Telemetry enabled" preference. Either a method that reports the setting
 * ({@code boolean telemetryEnabled()}) or one that applies it ({@code void setTelemetryEnabled(boolean)}).
 *
 * <p>Each time the host calls it, the agent notes the value: {@code false} turns telemetry off
 * within two seconds, and everything not yet sent is discarded. The agent never calls the method
 * itself, so the host stays in charge of when and on which thread its settings are read. Once such a
 * method exists in a loaded class, nothing is sent until the host has called it at least once.
 *
 * <pre>{@code
 * @TelemetrySwitch
 * public boolean telemetryEnabled() { return settings.getBoolean("telemetry.enabled", true); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TelemetrySwitch {}
