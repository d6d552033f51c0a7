/**
 * The fictional user's data: names, keys, files, prompts, and what she types. Everything here is made
 * up and must never leave the machine. Uses nothing else in the sample.
 */
package io.tracked.sample.content;
