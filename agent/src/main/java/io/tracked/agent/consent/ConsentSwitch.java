package io.tracked.agent.consent;

/**
 * One of the independent switches the user can turn telemetry off with. Telemetry is on only while
 * every switch allows it. Implementations must be cheap to call once a second and must never throw:
 * anything they cannot read is reported as {@link SwitchReading#unreadable}.
 */
public interface ConsentSwitch {

  SwitchReading read();
}
