package io.tracked.sample.views;

import io.tracked.api.Tracked;
import io.tracked.api.TrackedProperty;
import java.util.ArrayList;
import java.util.List;

/** Moves between the editor's views and remembers the way it went. */
public final class Navigator {

  private final Screens screens;
  private final List<String> visited = new ArrayList<>();
  private List<String> screen = List.of();

  public Navigator(Screens screens) {
    this.screens = screens;
  }

  /**
   * Opens the view at {@code route}, such as "/history". The route becomes PostHog's
   * {@code $current_url}; it is one of a fixed set, never a file path.
   */
  @Tracked("$pageview")
  public void open(@TrackedProperty("$current_url") String route) {
    View view = View.forRoute(route)
        .orElseThrow(() -> new IllegalArgumentException("no view at route " + route));
    screen = screens.render(view);
    visited.add(route);
  }

  public List<String> visited() {
    return List.copyOf(visited);
  }

  /** What the current view shows. */
  List<String> screen() {
    return screen;
  }
}
