/**
 * The project folder and its open files, with the cursor. Uses {@code content} (the sample workspace).
 */
package io.tracked.sample.documents;
