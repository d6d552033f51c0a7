package io.tracked.hosts;

import io.tracked.api.TelemetrySwitch;
import io.tracked.api.Tracked;
import java.util.List;

/**
 * Method shapes the start-up weaver must rewrite without breaking them: static and instance, wide
 * primitives, arrays, several returns, loops, the host's own try/catch, synchronized blocks, methods
 * that always throw, and a switch that is also an event.
 */
public class ShapesHost {

  private int counter;

  @Tracked("static_wide")
  public static double staticWide(long count, double ratio, float f, char c, byte b, short s) {
    return count * ratio + f + c + b + s;
  }

  @Tracked("branches")
  public String branches(int x, String[] names, List<String> more) {
    if (x < 0) {
      return "negative";
    }
    for (int i = 0; i < x; i++) {
      if (i == 3) {
        return names[0] + i;
      }
    }
    String local = "end" + more.size();
    return local;
  }

  @Tracked(value = "own_catch", onException = true)
  public int ownCatch(String number) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException bad) {
      return -1;
    } finally {
      counter++;
    }
  }

  @Tracked(value = "always_throws", onException = true)
  public void alwaysThrows(long code) {
    throw new UnsupportedOperationException("code " + code);
  }

  @Tracked("locked")
  public synchronized long locked(boolean flag) {
    synchronized (this) {
      counter++;
      return flag ? counter : -counter;
    }
  }

  @Tracked("void_loop")
  public void voidLoop(int n) {
    int sum = 0;
    for (int i = 0; i < n; i++) {
      sum += i;
      if (sum > 100) {
        return;
      }
    }
    counter += sum;
  }

  @TelemetrySwitch
  @Tracked("switch_and_event")
  public void setEnabled(boolean enabled) {
    counter += enabled ? 1 : 0;
  }

  public int counter() {
    return counter;
  }
}
