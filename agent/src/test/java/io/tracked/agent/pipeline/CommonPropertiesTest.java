package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.PropertyNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** os as Continue reports it (Node's os.platform() names), and PostHog's anonymity switches on every event. */
class CommonPropertiesTest {

  @ParameterizedTest
  @CsvSource({
      "Windows 11, win32",
      "Windows 10, win32",
      "Windows Server 2022, win32",
      "Mac OS X, darwin",
      "Darwin, darwin",
      "Linux, linux",
      "FreeBSD, freebsd",
      "SunOS, sunos",
      "Some OS, some-os"})
  void osNameMapsToNodePlatformNames(String javaName, String expected) {
    assertEquals(expected, CommonProperties.osName(javaName));
  }

  @org.junit.jupiter.api.Test
  void emptyOsNameIsUnknown() {
    assertEquals("unknown", CommonProperties.osName(""));
  }

  @Test
  void detectedPropertiesKeepEventsAnonymous() {
    Map<String, Object> properties = CommonProperties.detect(null, null);

    assertEquals(false, properties.get("$process_person_profile"));
    assertEquals(true, properties.get("$geoip_disable"));
    assertFalse(properties.containsKey("$ip"));
    for (String key : new String[] {"os", "osVersion", "ideName", "ideVersion", "extensionVersion"}) {
      assertTrue(properties.get(key) instanceof String && !((String) properties.get(key)).isEmpty(), key);
    }
    assertEquals(CommonProperties.osName(System.getProperty("os.name")), properties.get("os"));
    assertThrows(UnsupportedOperationException.class, () -> properties.put("os", "x"));
  }

  @Test
  void detectsExactlyTheNamesThatAreReservedForIt() {
    assertEquals(PropertyNames.COMMON, List.copyOf(CommonProperties.detect(null, null).keySet()));
  }

  @Test
  void optionsNameTheHostWhenGiven() {
    Map<String, Object> properties = CommonProperties.detect("Acme IDE", "2026.3");
    assertEquals("Acme IDE", properties.get("ideName"));
    assertEquals("2026.3", properties.get("ideVersion"));
  }
}
