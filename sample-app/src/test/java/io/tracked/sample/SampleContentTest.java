package io.tracked.sample;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.sample.chat.Transcript;
import io.tracked.sample.content.SampleContent;
import io.tracked.sample.editor.Editor;
import io.tracked.sample.models.ModelConfig;
import io.tracked.sample.settings.TelemetrySettings;
import io.tracked.sample.views.View;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link SampleContent#forbidden()} is only useful to the integration tests if every piece of
 * content the session hands to a tracked method contains one of its strings, and if none of its
 * strings can turn up in a legitimate event.
 */
class SampleContentTest {

  private static boolean carriesForbidden(String value) {
    return SampleContent.forbidden().stream().anyMatch(value::contains);
  }

  @Test
  void everyContentArgumentOfASessionCarriesAForbiddenString() {
    for (int number = 1; number <= 5; number++) {
      EditingSession session = new EditingSession(number, 0,
          new TelemetrySettings(Path.of("/nonexistent/settings.json"), new PrintStream(new ByteArrayOutputStream())));
      session.run();
      List<String> content = new ArrayList<>();
      for (Editor.Outcome outcome : session.editor().outcomes()) {
        content.add(outcome.suggestion().prefix());
        content.add(outcome.suggestion().completion());
        content.add(outcome.suggestion().filepath());
      }
      // Chat prompts, and what followed each slash command's name.
      session.transcript().messages().stream()
          .filter(message -> message.role() == Transcript.Role.USER)
          .map(message -> message.text().startsWith("/") ? message.text().replaceFirst("^/\\w+\\s*", "")
              : message.text())
          .filter(text -> !text.isEmpty())
          .forEach(content::add);
      content.add(SampleContent.USER_EMAIL);
      content.add(ModelConfig.CLAUDE.apiKey());
      content.add(ModelConfig.GPT_MINI.apiKey());
      content.add(session.workspace().root());
      content.add(ModelConfig.CLAUDE.apiBase());
      content.add(ModelConfig.GPT_MINI.apiBase());
      for (String value : content) {
        assertTrue(carriesForbidden(value), "session " + number + " passes unlisted content: " + value);
      }
    }
  }

  @Test
  void noForbiddenStringLooksLikeALegitimateValue() {
    List<String> legitimate = new ArrayList<>(
        List.of("java", "py", "true", "false", "edit", "comment", "share", "cmd"));
    for (ModelConfig model : List.of(ModelConfig.LLAMA, ModelConfig.CLAUDE, ModelConfig.GPT_MINI)) {
      legitimate.add(model.name());
      legitimate.add(model.provider());
    }
    for (View view : View.values()) {
      legitimate.add(view.route());
    }
    for (String forbidden : SampleContent.forbidden()) {
      assertTrue(forbidden.length() >= 10, "too short to be distinctive: " + forbidden);
      for (String value : legitimate) {
        assertFalse(value.contains(forbidden), forbidden + " in " + value);
      }
    }
  }

  @Test
  void theForbiddenContentCoversEveryClassThatMustNotLeave() {
    String files = String.join("\n", SampleContent.files().values()) + SampleContent.FIRST_PROMPT;
    for (String forbidden : List.of(SampleContent.CUSTOMER_PHONE, SampleContent.CUSTOMER_CARD,
        SampleContent.CUSTOMER_IBAN, SampleContent.CUSTOMER_SSN, SampleContent.CUSTOMER_NAME,
        SampleContent.USER_FULL_NAME, SampleContent.LEDGER_HOST, SampleContent.LEDGER_IP, SampleContent.PRINTER_MAC,
        SampleContent.GATEWAY_TOKEN, SampleContent.LEDGER_KEY_BODY, SampleContent.NIGHTLY_TRACE)) {
      assertTrue(SampleContent.forbidden().stream().anyMatch(forbidden::contains), "not listed: " + forbidden);
      assertTrue(files.contains(forbidden), "not in the content the session passes: " + forbidden);
    }
  }

  @Test
  void theApiKeysHaveTheShapeOfRealOnes() {
    assertTrue(Pattern.matches("sk-proj-[A-Za-z0-9]{40,}", SampleContent.OPENAI_API_KEY));
    assertTrue(Pattern.matches("sk-ant-api03-[A-Za-z0-9]{40,}", SampleContent.ANTHROPIC_API_KEY));
  }
}
