package io.tracked.sample.views;

import java.util.Arrays;
import java.util.Optional;

/** The editor's views and their routes, the only thing a page view reports. */
public enum View {
  HOME("/"),
  CHAT("/chat"),
  HISTORY("/history"),
  SETTINGS("/settings");

  private final String route;

  View(String route) {
    this.route = route;
  }

  public String route() {
    return route;
  }

  static Optional<View> forRoute(String route) {
    return Arrays.stream(values()).filter(view -> view.route.equals(route)).findFirst();
  }
}
