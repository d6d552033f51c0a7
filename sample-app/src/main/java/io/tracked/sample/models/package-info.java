/**
 * The fake language models, their configuration and the history of generations (event
 * {@code tokens_generated}). Uses {@code content} (keys and endpoints).
 */
package io.tracked.sample.models;
