/**
 * Byte Buddy: finds tracked methods (annotations or the {@code methods} option, on the method or
 * inherited from the nearest supertype declaring it: {@code Declarations}), cheaply pre-filtered by
 * the {@code CandidateGate}, turns each into an {@link io.tracked.agent.event.EventBinding}, numbers
 * it, and weaves the tiny advice that calls the bootstrap bridge. May use: event, config, log, bootstrap. Used by capture (the registry), the
 * command line ({@code catalog}) and the entry point.
 */
package io.tracked.agent.weaving;
