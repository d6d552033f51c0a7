package io.tracked.testkit;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Gets a child JVM's command line to it intact whatever the parent's locale.
 *
 * <p>A JVM passes a child's arguments as bytes in its platform encoding ({@code sun.jnu.encoding}, fixed
 * by the locale and not settable), and the child decodes them with its own. Under a POSIX locale
 * ({@code LANG=}, {@code LC_ALL=C}) that encoding is ASCII, so {@code "wörld"} arrives as {@code "w?rld"}.
 * When an argument cannot be encoded, the whole command after the executable goes into a UTF-8
 * {@code @argfile}, which the {@code java} launcher reads as bytes, and the child runs under
 * {@code LC_ALL=C.UTF-8} so it decodes those bytes as UTF-8. Under a UTF-8 locale nothing changes: the
 * child sees exactly the command line and environment the test asked for.
 */
final class PortableCommandLine {

  static final String UTF8_LOCALE = "C.UTF-8";

  private PortableCommandLine() {}

  /**
   * The command to start: {@code command} itself, or {@code [java, @argfile]} when some argument cannot
   * travel in {@code platform}; in that case {@code env} gets {@code LC_ALL} for the child unless it has one.
   */
  static List<String> prepare(List<String> command, Charset platform, Map<String, String> env) throws IOException {
    CharsetEncoder encoder = platform.newEncoder();
    if (command.stream().allMatch(encoder::canEncode)) {
      return command;
    }
    Path argFile = Files.createTempFile("tracked-child-args-", ".txt");
    argFile.toFile().deleteOnExit();
    StringBuilder text = new StringBuilder();
    for (String argument : command.subList(1, command.size())) {
      text.append(quote(argument)).append('\n');
    }
    Files.writeString(argFile, text, StandardCharsets.UTF_8);
    env.putIfAbsent("LC_ALL", UTF8_LOCALE); // a test that set LC_ALL itself keeps it
    return List.of(command.get(0), "@" + argFile.toAbsolutePath());
  }

  /** The parent's platform encoding: what {@link ProcessBuilder} encodes arguments with. */
  static Charset platformEncoding() {
    String name = System.getProperty("sun.jnu.encoding");
    try {
      return name == null ? Charset.defaultCharset() : Charset.forName(name);
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.US_ASCII; // the most cautious reading: anything non-ASCII goes by file
    }
  }

  /** One argument in the launcher's @argfile syntax: in double quotes, backslash escapes. */
  static String quote(String argument) {
    StringBuilder quoted = new StringBuilder(argument.length() + 2).append('"');
    for (int i = 0; i < argument.length(); i++) {
      char c = argument.charAt(i);
      switch (c) {
        case '"':
        case '\\':
          quoted.append('\\').append(c);
          break;
        case '\n':
          quoted.append("\\n");
          break;
        case '\r':
          quoted.append("\\r");
          break;
        case '\t':
          quoted.append("\\t");
          break;
        case '\f':
          quoted.append("\\f");
          break;
        default:
          quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
