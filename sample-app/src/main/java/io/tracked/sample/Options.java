package io.tracked.sample;

/** The command line: {@code [--sessions N] [--pace-ms MS]}, each also as {@code --name=value}. */
record Options(int sessions, long paceMs, boolean help) {

  static final String USAGE = "java -jar sample-app.jar [--sessions N] [--pace-ms MS]";
  static final int MAX_SESSIONS = 100_000;
  static final long MAX_PACE_MS = 600_000;

  static Options parse(String... args) throws UsageException {
    int sessions = 1;
    long paceMs = 0;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new Options(sessions, paceMs, true);
      }
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      switch (name) {
        case "--sessions" -> {
          value = value != null ? value : valueAfter(args, i++, name, "3");
          sessions = (int) number(name, value, 1, MAX_SESSIONS, "3");
        }
        case "--pace-ms" -> {
          value = value != null ? value : valueAfter(args, i++, name, "200");
          paceMs = number(name, value, 0, MAX_PACE_MS, "200");
        }
        default -> throw new UsageException(
            "unknown argument \"" + arg + "\"; usage: " + USAGE);
      }
    }
    return new Options(sessions, paceMs, false);
  }

  private static String valueAfter(String[] args, int at, String name, String example)
      throws UsageException {
    if (at + 1 >= args.length || args[at + 1].startsWith("--")) {
      throw new UsageException(name + " needs a value, e.g. " + name + " " + example);
    }
    return args[at + 1];
  }

  private static long number(String name, String value, long min, long max, String example)
      throws UsageException {
    long parsed;
    try {
      parsed = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      parsed = Long.MIN_VALUE;
    }
    if (parsed < min || parsed > max) {
      throw new UsageException(name + " must be a whole number from " + min + " to " + max
          + ", not \"" + value + "\"; e.g. " + name + " " + example);
    }
    return parsed;
  }
}
