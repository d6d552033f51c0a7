package io.tracked.agent.weaving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracked.agent.bootstrap.TrackedBridge;
import io.tracked.agent.config.MethodsOption;
import io.tracked.hosts.AnnotatedHost;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * No silent failure in the advice path: what the advice throws reaches the failure listener with the
 * woven method's name, every time, while the host's call completes normally; the agent's listener
 * counts each one.
 */
class AdviceFailureReportTest {

  @Test
  void whatTheAdviceThrowsIsHandedOverWithTheMethod() {
    try (WovenCalls woven = new WovenCalls(MethodsOption.none())) {
      List<String> reported = new CopyOnWriteArrayList<>();
      TrackedBridge.installFailureListener((method, failure) -> reported.add(method + " " + failure.getMessage()));
      woven.failWith = new IllegalStateException("agent bug");

      assertEquals("gpt1", new AnnotatedHost().pick("gpt", 1, "x"));
      assertEquals("gpt2", new AnnotatedHost().pick("gpt", 2, "x"));

      assertEquals(List.of(AnnotatedHost.class.getName() + "#pick agent bug",
          AnnotatedHost.class.getName() + "#pick agent bug"), reported);
    } finally {
      TrackedBridge.installFailureListener(null);
    }
  }

  @Test
  void theAgentsListenerCountsEveryFailure() {
    AdviceFailures failures = new AdviceFailures();
    failures.onAdviceFailure("a.B#m", new IllegalStateException("x"));
    failures.onAdviceFailure("a.B#m", new IllegalStateException("x"));
    assertEquals(2, failures.count());
  }

  @Test
  void aFailingListenerNeverReachesTheHost() {
    TrackedBridge.installFailureListener((method, failure) -> {
      throw new IllegalStateException("listener bug");
    });
    try {
      TrackedBridge.adviceFailed(new RuntimeException("advice bug"), "a.B#m");
    } finally {
      TrackedBridge.installFailureListener(null);
    }
  }
}
