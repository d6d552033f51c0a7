/**
 * The sanitizer: the single judge of every captured value, keeping analytics tokens and dropping
 * anything personal or content. Depends on the JDK alone, so it can be tested, benchmarked and
 * reasoned about in isolation. Used by the event model, the pipeline and the command line.
 */
package io.tracked.agent.sanitize;
