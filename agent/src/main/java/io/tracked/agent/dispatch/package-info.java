/**
 * Capture: the only agent code that runs on the host's threads after a tracked method returns. The
 * dispatcher finds the method's binding, asks the consent gate, and hands the call over without
 * blocking. May use: weaving (its binding registry), consent, event, log, bootstrap. Used by the
 * pipeline, which drains it.
 */
package io.tracked.agent.dispatch;
