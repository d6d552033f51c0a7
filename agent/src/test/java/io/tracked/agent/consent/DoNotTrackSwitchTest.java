package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DO_NOT_TRACK=1 (or true) turns telemetry off; anything else leaves it to the other switches. */
class DoNotTrackSwitchTest {

  @ParameterizedTest
  @ValueSource(strings = {"1", "true", "TRUE", " 1 "})
  void oneOrTrueDenies(String value) {
    SwitchReading reading = new DoNotTrackSwitch(Map.of("DO_NOT_TRACK", value)).read();
    assertFalse(reading.allows(), value);
    assertEquals("DO_NOT_TRACK", reading.name());
    assertEquals(value.trim(), reading.value());
    assertEquals("environment", reading.source());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "false", "", "  "})
  void zeroFalseOrBlankAllows(String value) {
    assertTrue(new DoNotTrackSwitch(Map.of("DO_NOT_TRACK", value)).read().allows(), "'" + value + "'");
  }

  @Test
  void unsetAllows() {
    SwitchReading reading = new DoNotTrackSwitch(Map.of("OTHER", "1")).read();
    assertTrue(reading.allows());
    assertEquals("unset", reading.value());
  }
}
