/**
 * The spool: events PostHog has not acknowledged, kept on disk per destination (host and key),
 * bounded, safe against crashes, full disks and several processes at once, until a later delivery
 * succeeds. It knows events only as uuid and JSON text. May use: files, log (and the event model and
 * config); used only by delivery and the entry point.
 */
package io.tracked.agent.spool;
