package io.tracked.sample.models;

import io.tracked.api.NotTracked;
import io.tracked.api.Tracked;
import java.util.ArrayList;
import java.util.List;

/** Every generation any model finished in this session: what the "/history" view lists. */
public final class GenerationHistory {

  /** One finished generation. */
  public record Entry(String model, String provider, int promptTokens, int generatedTokens, String output) {}

  private final List<Entry> entries = new ArrayList<>();

  /**
   * Records a finished generation. The output is the user's code or an answer about it, so it is
   * marked {@code @NotTracked}: the agent never even reads it. This is the escape hatch; the other
   * tracked methods leave their content to the sanitizer on purpose.
   */
  @Tracked("tokens_generated")
  public void generationFinished(
      String model, String provider, int promptTokens, int generatedTokens, @NotTracked String output) {
    entries.add(new Entry(model, provider, promptTokens, generatedTokens, output));
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }

  public int promptTokens() {
    return entries.stream().mapToInt(Entry::promptTokens).sum();
  }

  public int generatedTokens() {
    return entries.stream().mapToInt(Entry::generatedTokens).sum();
  }
}
