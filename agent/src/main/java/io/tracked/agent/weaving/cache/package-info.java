/**
 * The weave cache: what weaving each tracked class produced (its woven bytes and what the weave
 * registered), kept across starts under {@code <continue dir>/telemetry/weave-cache/<context>/}, so
 * that a second start of the same host weaves nothing and loads no Byte Buddy. An entry is used only
 * for the exact original bytes of its class and of its supertypes, in the same context (agent build,
 * {@code methods} option, JVM); its checksum is verified before use, and a directory or file not
 * owned by the user, or writable by others, is never read. No Byte Buddy type may appear here. May
 * use: event, log.
 */
package io.tracked.agent.weaving.cache;
