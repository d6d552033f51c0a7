/**
 * The event model every stage shares: the binding of a tracked method, the captured call, the built
 * event (with its call time and uuid), its one JSON form in PostHog's shape, and the rules about
 * property names. May use: sanitize (its content-name rule), log. Used by every stage above it.
 */
package io.tracked.agent.event;
