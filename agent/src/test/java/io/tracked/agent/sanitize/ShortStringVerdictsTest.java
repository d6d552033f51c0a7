package io.tracked.agent.sanitize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A remembered verdict is the classifier's own, for every string and hint set, on the first sight and
 * every one after; the table stays bounded and forgets on demand.
 */
class ShortStringVerdictsTest {

  private final StringClassifier classifier = new StringClassifier(Limits.DEFAULT);
  private final ShortStringVerdicts verdicts = new ShortStringVerdicts(classifier);

  /** Short strings of every kind the detectors look at, and random ones built from their alphabets. */
  private static List<String> samples() {
    List<String> samples = new ArrayList<>(List.of("gpt-4o-mini", "claude-3-5-sonnet-20241022", "llama3.1:8b",
        "a", "b", " ", "", "alice@example.com", "/home/alice/x", "sk-proj-abcDEF123ghiJKL456mnoPQR789",
        "4111 1111 1111 1111", "+1 415 555 0100", "192.168.1.20", "ctrl+shift+P", "2026-12-01T06:27:17Z",
        "3f1c2a9e-5b7d-4e8f-9a6b-1c2d3e4f5a6b", "req_3f1c2a9e-5b7d-4e8f-9a6b-1c2d3e4f5a6b", "John Smith",
        "DE89370400440532013000", "hello world how are you", "styleKey", "AKIAIOSFODNN7EXAMPLE", "x=1",
        "VS Code 1.95", "en-US", "workbench.action.files.save", "line1\nline2"));
    String alphabet = "abcXYZ0123456789-_.:/@+# =\n*$";
    Random random = new Random(1201);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(ShortStringVerdicts.MAX_LENGTH + 8);
      for (int j = 0; j < length; j++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      samples.add(s.toString());
    }
    return samples;
  }

  @Test
  void rememberedVerdictsAreTheClassifiersOwn() {
    List<String> samples = samples();
    for (int pass = 0; pass < 2; pass++) { // the first pass fills the tables, the second reads them
      for (String s : samples) {
        for (int hints = 0; hints < 4; hints++) {
          Verdict expected = classifier.classify(s, hints);
          Verdict actual = verdicts.classify(new String(s), hints); // an equal string, not the same one
          assertEquals(expected.action(), actual.action(), s + " hints " + hints);
          assertEquals(expected.reason(), actual.reason(), s + " hints " + hints);
          assertEquals(expected.value(), actual.value(), s + " hints " + hints);
        }
      }
    }
  }

  @Test
  void theTablesStayBoundedAndForgetOnDemand() {
    for (int i = 0; i < 10 * ShortStringVerdicts.MAX_ENTRIES; i++) {
      verdicts.classify("model-" + i, 0);
      verdicts.classify("model-" + i, 3);
      assertTrue(verdicts.size() <= 4 * ShortStringVerdicts.MAX_ENTRIES, verdicts.size() + " remembered");
    }
    assertTrue(verdicts.size() > 0);

    verdicts.clear();

    assertEquals(0, verdicts.size());
  }

  @Test
  void longStringsAreNeverRemembered() {
    String longer = "x".repeat(ShortStringVerdicts.MAX_LENGTH + 1);
    verdicts.classify(longer, 0);
    assertEquals(0, verdicts.size());
  }
}
