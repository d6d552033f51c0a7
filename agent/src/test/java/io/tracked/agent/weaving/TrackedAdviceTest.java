package io.tracked.agent.weaving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.MethodsOption;
import io.tracked.hosts.AnnotatedHost;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The woven advice reports each call exactly as the annotations declare, and never disturbs the host. */
class TrackedAdviceTest {

  private WovenCalls woven;

  @BeforeEach
  void weave() {
    woven = new WovenCalls(MethodsOption.none());
  }

  @AfterEach
  void unweave() {
    woven.close();
  }

  @Test
  void reportsArgumentsAndBindingOfAnnotatedMethod() {
    assertEquals("gpt7", new AnnotatedHost().pick("gpt", 7, "secret text"));

    WovenCalls.Call call = woven.only("picked");
    assertEquals(List.of("modelName", "count", ""), call.binding().argumentProperties());
    assertArrayEquals(new Object[] {"gpt", 7, "secret text"}, call.arguments());
    assertEquals(0, woven.listener.failed());
  }

  @Test
  void reportsReturnValueUnderItsProperty() {
    assertEquals(1L, new AnnotatedHost().measure(true));

    WovenCalls.Call call = woven.only("measured");
    assertEquals("size", call.binding().returnProperty());
    assertEquals(1L, call.returned());
  }

  @Test
  void eventNameDefaultsToMethodName() {
    new AnnotatedHost().plainName();
    assertNull(woven.only("plainName").returned());
  }

  @Test
  void throwingCallIsReportedOnlyWhenAsked() {
    AnnotatedHost host = new AnnotatedHost();
    assertThrows(IllegalStateException.class, host::throwsQuietly);
    assertThrows(IllegalArgumentException.class, () -> host.throwsLoudly("openai"));

    assertTrue(woven.calls.stream().noneMatch(c -> c.binding().eventName().equals("quiet_on_throw")),
        woven.calls.toString());
    assertInstanceOf(IllegalArgumentException.class, woven.only("loud_on_throw").thrown());
  }

  @Test
  void methodsWithoutAnnotationAreLeftAlone() {
    new AnnotatedHost().notTracked(3);
    assertTrue(woven.calls.isEmpty(), woven.calls.toString());
  }

  @Test
  void nothingIsReportedWhileCaptureIsOff() {
    TrackedBridge.setCapturing(false);
    new AnnotatedHost().pick("gpt", 1, "x");
    assertTrue(woven.calls.isEmpty(), woven.calls.toString());
  }

  @Test
  void aFailingSinkNeverReachesTheHost() {
    woven.failWith = new IllegalStateException("agent bug");
    assertEquals("gpt1", new AnnotatedHost().pick("gpt", 1, "x"));
    assertEquals(2L, new AnnotatedHost().measure(false));
  }
}
