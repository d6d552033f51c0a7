/**
 * Slash commands typed in the chat box (event {@code useSlashCommand}), except {@code /share}, which
 * belongs to the chat. Uses {@code documents} and {@code models}.
 */
package io.tracked.sample.commands;
