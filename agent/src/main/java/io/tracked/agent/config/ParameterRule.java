package io.tracked.agent.config;

import java.util.List;

/**
 * One rule inside a {@code methods} entry's parentheses: skip a parameter ({@code -prompt}), give it
 * a property name ({@code styleKey=language}, {@code arg0=language}), or take a field of it or of
 * {@code this} by path ({@code c.kind=completionKind}, {@code this.name=action}).
 *
 * @param source the parameter's name, {@code argN} (N from 0) or {@code this}
 * @param path the field names to follow from the source; empty for the parameter itself
 * @param property the property name, or {@code null} for a skip
 */
public record ParameterRule(String source, List<String> path, String property) {

  public static final String THIS = "this";

  public boolean skip() {
    return property == null;
  }

  public boolean fromThis() {
    return source.equals(THIS);
  }

  /** As the user wrote it, for messages. */
  public String text() {
    if (skip()) {
      return "-" + source;
    }
    return source + (path.isEmpty() ? "" : "." + String.join(".", path)) + "=" + property;
  }
}
