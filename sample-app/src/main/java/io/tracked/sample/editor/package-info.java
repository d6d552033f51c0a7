/**
 * Typing into the focused document and settling suggestions (event {@code autocomplete}); the
 * editor's clipboard. Uses {@code documents}, {@code autocomplete} and {@code models}.
 */
package io.tracked.sample.editor;
