/**
 * Where built events go: PostHog (our own bounded queue, one sending thread, the spool for what is
 * not acknowledged), or the local outbox when no API key is set. Everything about the wire, retries,
 * back-off, replay and the exit deadline lives here. May use: spool, consent, event, config, files
 * (the outbox file), log. Never sees captured calls or the sanitizer: it receives finished events only.
 */
package io.tracked.agent.delivery;
