/**
 * The sample editor as an application: {@link io.tracked.sample.Main}, its command line and the
 * scripted editing sessions that wire every feature together. {@link io.tracked.sample.SampleEvents} lists
 * every event the features send. Each feature lives in its own package and uses only those listed in
 * its {@code package-info}, so the dependencies run one way: {@code content} at the bottom, this package on top.
 */
package io.tracked.sample;
