/**
 * The agent's only voice: one-line, prefixed, deduplicated messages on stderr. Uses nothing of the
 * agent; every package may use it.
 */
package io.tracked.agent.log;
