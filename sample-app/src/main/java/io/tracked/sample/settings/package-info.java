/**
 * The editor's own telemetry setting, its {@code @TelemetrySwitch}. Uses nothing else in the sample.
 */
package io.tracked.sample.settings;
