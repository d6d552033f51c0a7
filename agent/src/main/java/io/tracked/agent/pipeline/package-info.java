/**
 * The agent's own thread between capture and delivery: it waits for consent, takes captured calls
 * from the dispatcher, builds each into one sanitized {@link io.tracked.agent.event.Event} (call
 * time, uuid, common properties, the anonymous id) and hands it to delivery. May use: dispatch,
 * delivery, consent, event, sanitize, config, files, log, bootstrap. Used only by the entry point.
 */
package io.tracked.agent.pipeline;
