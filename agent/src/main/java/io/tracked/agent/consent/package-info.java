/**
 * Whether telemetry may flow: one switch class per source of the contract (config.json,
 * globalContext.json, the host's setting, DO_NOT_TRACK) and the gate that combines them, re-reads
 * them live and tells the stages that enforce it. May use: config, log, bootstrap. Used by capture,
 * pipeline, delivery, the command line and the entry point.
 */
package io.tracked.agent.consent;
