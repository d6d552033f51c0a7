/**
 * The command-line tool ({@code status}, {@code catalog}, {@code attach}, {@code sanitize}), one
 * class per command. It answers with the same code the running agent uses, so what it prints is
 * what the agent does. May use: weaving (to read bindings), consent, event (the name rules),
 * sanitize, config, log. Used only by the entry point.
 */
package io.tracked.agent.cli;
