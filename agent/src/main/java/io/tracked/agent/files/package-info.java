/**
 * Reading and judging files that belong to the user (consent files, spool segments) without ever
 * letting them hurt the host: bounded reads, regular files only, outcomes as values. Uses nothing
 * of the agent but log; used by consent and the spool.
 */
package io.tracked.agent.files;
