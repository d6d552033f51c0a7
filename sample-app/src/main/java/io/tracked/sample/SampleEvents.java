package io.tracked.sample;

import io.tracked.sample.chat.ChatPanel;
import io.tracked.sample.commands.SlashCommands;
import io.tracked.sample.editor.Editor;
import io.tracked.sample.models.GenerationHistory;
import io.tracked.sample.settings.TelemetrySettings;
import io.tracked.sample.views.Navigator;
import java.util.List;

/**
 * Every event the sample editor sends, in one place. Each tracked method lives with its feature; this
 * list is where a reader finds them all, and {@code SampleEventsTest} scans the compiled classes so
 * that a {@code @Tracked} or {@code @TelemetrySwitch} method added, removed or renamed without
 * updating it fails the build.
 *
 * <table>
 * <caption>Events, in the order a session first sends them</caption>
 * <tr><th>event</th><th>method</th><th>sent when</th></tr>
 * <tr><td>{@code $pageview}</td><td>{@link Navigator#open}</td><td>the user opens a view</td></tr>
 * <tr><td>{@code autocomplete}</td><td>{@link Editor#suggestionSettled}</td>
 *     <td>the user accepts or rejects an inline suggestion</td></tr>
 * <tr><td>{@code tokens_generated}</td><td>{@link GenerationHistory#generationFinished}</td>
 *     <td>any model finishes a generation</td></tr>
 * <tr><td>{@code chat}</td><td>{@link ChatPanel#sendRequest}</td><td>a chat message goes to a model</td></tr>
 * <tr><td>{@code useSlashCommand}</td><td>{@link SlashCommands#run}</td><td>a slash command runs</td></tr>
 * </table>
 *
 * <p>Whether any of them is sent is decided by {@link TelemetrySettings#telemetryEnabled}, the
 * editor's {@code @TelemetrySwitch}.
 */
public final class SampleEvents {

  /** A method the agent weaves: the class that declares it and its name. */
  public record TrackedMethod(Class<?> declaringClass, String name) {
    @Override
    public String toString() {
      return declaringClass.getName() + "#" + name;
    }
  }

  /** One event and the one method that sends it. */
  public record Event(String name, TrackedMethod method) {
    Event(String name, Class<?> declaringClass, String methodName) {
      this(name, new TrackedMethod(declaringClass, methodName));
    }
  }

  /** The events, as in the table above. */
  public static final List<Event> EVENTS = List.of(
      new Event("$pageview", Navigator.class, "open"),
      new Event("autocomplete", Editor.class, "suggestionSettled"),
      new Event("tokens_generated", GenerationHistory.class, "generationFinished"),
      new Event("chat", ChatPanel.class, "sendRequest"),
      new Event("useSlashCommand", SlashCommands.class, "run"));

  /** The host's telemetry switch: each value it returns tells the agent whether the user allows telemetry. */
  public static final TrackedMethod TELEMETRY_SWITCH = new TrackedMethod(TelemetrySettings.class, "telemetryEnabled");

  private SampleEvents() {}
}
