/**
 * Test support for Tracked's integration tests.
 *
 * <p>The product's promises (what leaves the process, when, and what never does) can only be checked
 * end to end: the real agent, in a real child JVM, talking HTTP to something that behaves like PostHog.
 * {@link io.tracked.testkit.FakePostHog} is that something, bound to loopback so nothing ever reaches
 * the internet; {@link io.tracked.testkit.ChildJvm} starts the product the way a user would, with the
 * developer's own environment scrubbed so it cannot change the outcome.
 */
package io.tracked.testkit;
