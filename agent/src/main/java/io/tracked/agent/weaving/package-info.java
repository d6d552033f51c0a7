/**
 * Byte Buddy: finds tracked methods (annotations or the {@code methods} option, on the method or
 * inherited from the nearest supertype declaring it: {@code Declarations}), cheaply pre-filtered by
 * the {@code CandidateGate}, turns each into an {@link io.tracked.agent.event.EventBinding}, numbers
 * it with an id stable across runs ({@code MethodBindings}), and weaves the tiny advice that calls the
 * bootstrap bridge. What weaving made of each class, and what it registered, is kept by the weave
 * cache ({@code weaving.cache}) so that the next start replays it without Byte Buddy. May use: event, config, log, bootstrap. Used by capture (the registry), the
 * command line ({@code catalog}) and the entry point.
 */
package io.tracked.agent.weaving;
