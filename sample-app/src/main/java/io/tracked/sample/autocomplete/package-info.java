/**
 * Inline suggestions: what the model proposes from the text before the cursor. Uses {@code documents}
 * and {@code models}.
 */
package io.tracked.sample.autocomplete;
