package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.posthog.java.QueueManager;
import com.posthog.java.shaded.org.json.JSONObject;
import io.tracked.testkit.FakePostHog;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PostHog unreachable: events are kept for later while the host runs, and spilled to disk when it exits. */
class HttpBatchSenderUnreachableTest {

  private final URI nowhere = URI.create("http://127.0.0.1:" + FakePostHog.unusedPort());

  @Test
  void unreachableServerKeepsEventsWithoutThrowing() {
    List<List<String>> spilled = new ArrayList<>();
    HttpBatchSender sender = new HttpBatchSender("phc_key", nowhere, () -> true, spilled::add);
    QueueManager queue = new QueueManager.Builder(sender).build();
    sender.retryThrough(queue);

    Boolean done = assertDoesNotThrow(() -> sender.send(Events.json(3)));

    assertEquals(Boolean.FALSE, done);
    assertEquals(3, queue.queueSize());
    assertTrue(spilled.isEmpty(), "still running: kept in memory, not spilled");
  }

  @Test
  void closingWithAnUnreachableServerSpillsEveryEvent() {
    List<List<String>> spilled = new ArrayList<>();
    HttpBatchSender sender = new HttpBatchSender("phc_key", nowhere, () -> true, spilled::add);
    QueueManager queue = new QueueManager.Builder(sender).build();
    sender.retryThrough(queue);
    List<JSONObject> events = Events.json(3);
    sender.startClosing();

    Boolean done = assertDoesNotThrow(() -> sender.send(events));

    assertEquals(Boolean.FALSE, done);
    assertEquals(0, queue.queueSize());
    assertEquals(1, spilled.size());
    List<String> lines = spilled.get(0);
    assertEquals(3, lines.size());
    for (int i = 0; i < 3; i++) {
      JSONObject line = new JSONObject(lines.get(i));
      assertEquals(events.get(i).getString("uuid"), line.getString("uuid"));
      assertEquals("chat", line.getString("event"));
      assertTrue(!lines.get(i).contains("phc_key"), "the spilled line must not carry the API key");
    }
  }

  @Test
  void heldEventsAreSpilledWhenClosingAfterAFailure() {
    List<List<String>> spilled = new ArrayList<>();
    HttpBatchSender sender = new HttpBatchSender("phc_key", nowhere, () -> true, spilled::add);
    QueueManager queue = new QueueManager.Builder(sender).build();
    sender.retryThrough(queue);
    sender.send(Events.json(2));
    assertEquals(2, queue.queueSize());

    sender.startClosing();
    queue.sendAll(); // what posthog-java's shutdown does last; the back-off must not hold it back

    assertEquals(0, queue.queueSize());
    assertEquals(2, spilled.stream().mapToInt(List::size).sum());
  }

  @Test
  void withoutAQueueAFailedBatchIsSpilledRatherThanLost() {
    List<List<String>> spilled = new ArrayList<>();
    HttpBatchSender sender = new HttpBatchSender("phc_key", nowhere, () -> true, spilled::add);

    sender.send(Events.json(2));

    assertEquals(2, spilled.stream().mapToInt(List::size).sum());
  }
}
