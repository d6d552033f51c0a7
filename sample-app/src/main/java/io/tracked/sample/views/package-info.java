/**
 * The editor's views and moving between them (event {@code $pageview}). Uses {@code documents},
 * {@code chat}, {@code models} and {@code settings} to paint them.
 */
package io.tracked.sample.views;
