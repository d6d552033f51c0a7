package io.tracked.sample.autocomplete;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.sample.documents.Document;
import io.tracked.sample.documents.Workspace;
import io.tracked.sample.models.FakeModel;
import io.tracked.sample.models.GenerationHistory;
import io.tracked.sample.models.ModelConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutocompleteEngineTest {

  @Test
  void endsALineLikeTheMostRecentLineThatStartedTheSameWay() {
    String prefix = "  long a = 1;\n  return a;\n  long a = 2;\n    long a = ";
    assertEquals("2;", AutocompleteEngine.continuation(prefix));
  }

  @Test
  void completesAHalfTypedNameWithTheMostUsedOne() {
    String prefix = "invoiceTotal = 1; invoiceId = 2; invoiceTotal++;\nx = inv";
    assertEquals("oiceTotal", AutocompleteEngine.continuation(prefix));
  }

  @Test
  void offersNothingOnAnEmptyLineOrWithoutAMatch() {
    assertEquals("", AutocompleteEngine.continuation("int a = 1;\n   "));
    assertEquals("", AutocompleteEngine.continuation("int a = 1;\nzz"));
    assertEquals("", AutocompleteEngine.continuation(""));
  }

  @Test
  void looksOnlyBeforeTheCursor() {
    Workspace workspace = new Workspace("/w", Map.of("a.py", "to\ntotal_after = 5\n"));
    Document document = workspace.open("a.py");
    document.moveCursorTo(2); // "to|": the only name it could complete comes after the cursor
    GenerationHistory history = new GenerationHistory();
    AutocompleteEngine engine = new AutocompleteEngine(new FakeModel(ModelConfig.LLAMA, history));
    assertTrue(engine.propose(document).isEmpty());
    // Asking the model still counts as a generation, even when it has nothing to offer.
    assertEquals(1, history.entries().size());
  }
}
