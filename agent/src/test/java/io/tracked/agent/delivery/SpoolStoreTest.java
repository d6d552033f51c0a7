package io.tracked.agent.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.event.SerializedEvent;
import io.tracked.agent.spool.Spool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery's view of the spool: events come back exactly as kept, only for their destination, until delivered. */
class SpoolStoreTest {

  @TempDir Path continueDirectory;

  @Test
  void keptEventsComeBackUnchangedUntilDelivered() {
    Spool spool = Spool.open(continueDirectory);
    SpoolStore store = new SpoolStore(spool, "http://127.0.0.1:8000", "phc_one");
    List<SerializedEvent> events = Events.serialized(3);

    assertEquals(3, store.keep(events));
    UndeliveredStore.Replay first = store.replay(10);
    assertEquals(events, first.events(), "same uuid, same text");
    first.notDelivered();
    UndeliveredStore.Replay second = store.replay(10);
    assertEquals(events, second.events(), "not delivered: still kept");
    second.delivered();

    assertTrue(store.replay(10).events().isEmpty());
    spool.close();
  }

  @Test
  void anotherDestinationNeverSeesThem() {
    Spool spool = Spool.open(continueDirectory);
    new SpoolStore(spool, "http://127.0.0.1:8000", "phc_one").keep(Events.serialized(2));

    assertTrue(new SpoolStore(spool, "http://127.0.0.1:8000", "phc_two").replay(10).events().isEmpty());
    assertTrue(new SpoolStore(spool, "http://127.0.0.1:9000", "phc_one").replay(10).events().isEmpty());
    spool.close();
  }

  @Test
  void deleteAllEmptiesEveryDestination() {
    Spool spool = Spool.open(continueDirectory);
    SpoolStore one = new SpoolStore(spool, "http://127.0.0.1:8000", "phc_one");
    SpoolStore two = new SpoolStore(spool, "http://127.0.0.1:9000", "phc_two");
    one.keep(Events.serialized(2));
    two.keep(Events.serialized(3));

    assertEquals(5, one.deleteAll());
    assertTrue(one.replay(10).events().isEmpty());
    assertTrue(two.replay(10).events().isEmpty());
    spool.close();
  }
}
