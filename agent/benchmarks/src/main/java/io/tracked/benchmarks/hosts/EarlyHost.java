package io.tracked.benchmarks.hosts;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A host whose tracked class is the first class it loads and whose first work is 1,000 calls of a
 * tracked method: the worst case for an agent that prepares its weaver in the background, because
 * nothing of the host's start-up hides the agent's. After the calls it does a little ordinary JDK
 * work (collections, streams, regex, dates), as real applications do in their first moments.
 *
 * <p>Run: {@code java -cp early-host.jar io.tracked.benchmarks.hosts.EarlyHost}. Prints one line.
 */
public final class EarlyHost {

  private EarlyHost() {}

  public static void main(String[] args) {
    EarlyWork work = new EarlyWork();
    long sum = 0;
    for (int i = 0; i < 1_000; i++) {
      sum += work.suggestionSettled((i & 1) == 0, "gpt-4o-mini", 100 + i);
    }
    Map<String, Integer> counts = new HashMap<>();
    Pattern words = Pattern.compile("\\W+");
    for (String word : words.split("the quick brown fox jumps over the lazy dog again and again")) {
      counts.merge(word, 1, Integer::sum);
    }
    ConcurrentHashMap<Integer, String> squares = new ConcurrentHashMap<>();
    IntStream.range(0, 2_000).parallel().forEach(i -> squares.put(i, Integer.toString(i * i)));
    String joined = squares.values().stream().limit(10).collect(Collectors.joining(","));
    String date = LocalDate.of(2026, 12, 1).format(DateTimeFormatter.ISO_LOCAL_DATE);
    System.out.println("early host: " + sum + " " + counts.size() + " " + joined.length() + " " + date);
  }
}
