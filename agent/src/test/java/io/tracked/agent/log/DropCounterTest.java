package io.tracked.agent.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drop messages add up to the true number, without a line per drop. */
class DropCounterTest {

  private final List<String> lines = new ArrayList<>();
  private final DropCounter counter = new DropCounter(n -> "dropped " + n, n -> "dropped " + n + " more", lines::add);

  @Test
  void firstDropIsSaidAtOnceTheRestAtFlush() {
    counter.add(5);
    counter.add(7);
    counter.add(0);
    counter.add(1);

    assertEquals(List.of("dropped 5"), lines, "one line at first, none per later drop");
    counter.flush();
    assertEquals(List.of("dropped 5", "dropped 8 more"), lines);
    counter.flush();
    assertEquals(2, lines.size(), "nothing new, nothing said");
    assertEquals(13, counter.total());
  }
}
