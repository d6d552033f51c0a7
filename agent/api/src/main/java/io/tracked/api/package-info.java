/**
 * The annotations a host application compiles against to declare its analytics events. This
 * package has no dependencies and no behaviour of its own; the Tracked agent gives it meaning.
 */
package io.tracked.api;
