/**
 * The chat box (event {@code chat}), its transcript, the fake model's answers and {@code /share}. Uses
 * {@code documents}, {@code models}, {@code commands} and {@code editor} (the clipboard).
 */
package io.tracked.sample.chat;
