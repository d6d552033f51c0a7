/**
 * What the agent is told and what it is: options from agent arguments, system properties and the
 * environment, resolved into settings with clear messages for bad values, and the agent's version.
 * May use: log. Used by every stage that needs a setting.
 */
package io.tracked.agent.config;
