package io.tracked.agent.sanitize;

/**
 * The budgets that bound the sanitizer's work on one value, whatever the value is.
 *
 * @param maxKeptLength longest string that can be sent (longer ones are dropped as {@code too-long})
 * @param maxScanLength longest string that is scanned at all, to name why it is dropped; a longer one is
 *     dropped as {@code too-long} without being read
 * @param maxDepth deepest nesting of arrays, collections, maps and objects that is inspected
 * @param maxNodes most values (containers and their elements) inspected in one captured value
 * @param maxElements most elements, entries or fields one container may have; a larger one is dropped
 * @param timeBudgetNanos time after which the inspection of one composite value gives up and drops it
 */
record Limits(int maxKeptLength, int maxScanLength, int maxDepth, int maxNodes, int maxElements, long timeBudgetNanos) {

  static final Limits DEFAULT = new Limits(200, 4096, 4, 256, 64, 5_000_000L);
}
