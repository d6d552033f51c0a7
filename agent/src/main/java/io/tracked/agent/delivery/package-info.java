/**
 * Where built events go: PostHog (batched through posthog-java's queue and our sender), or the local
 * outbox when no API key is set. Everything about the wire, retries, back-off and the exit deadline
 * lives here. May use: spool, consent, event, config, files (the outbox is a user path), log. Never
 * sees captured calls or the sanitizer: it receives finished events only.
 */
package io.tracked.agent.delivery;
