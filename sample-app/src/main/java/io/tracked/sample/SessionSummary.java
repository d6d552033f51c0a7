package io.tracked.sample;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What one session did, in numbers: the lines printed for it, and what the tests check. */
record SessionSummary(
    int number,
    Map<String, Integer> linesByFile,
    String autocompleteModel,
    long accepted,
    long rejected,
    List<String> chatModels,
    int generations,
    int promptTokens,
    int generatedTokens,
    List<String> commands,
    List<String> views,
    int actions,
    int actionsWithTelemetry) {

  long suggestions() {
    return accepted + rejected;
  }

  String render() {
    String files = linesByFile.entrySet().stream()
        .map(file -> file.getKey() + " (" + file.getValue() + " lines)")
        .collect(Collectors.joining(" and "));
    return String.join(
        System.lineSeparator(),
        "Session " + number + ": edited " + files,
        "  autocomplete  " + suggestions() + " suggestions from " + autocompleteModel + ": "
            + accepted + " accepted, " + rejected + " rejected",
        "  chat          " + chatModels.size() + " requests to "
            + String.join(", ", new LinkedHashSet<>(chatModels)),
        "  models        " + generations + " generations, " + promptTokens + " prompt / "
            + generatedTokens + " generated tokens",
        "  commands      " + commands.stream().map(c -> "/" + c).collect(Collectors.joining(" ")),
        "  views         " + String.join(" > ", views),
        "  telemetry     on before " + actionsWithTelemetry + " of " + actions + " user actions");
  }
}
