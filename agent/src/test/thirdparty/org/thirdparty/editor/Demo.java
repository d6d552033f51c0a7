package org.thirdparty.editor;

import java.nio.file.Files;
import java.nio.file.Paths;

/** Drives the library as an editor would: {@code Demo} once, or {@code Demo loop STOPFILE} until the file exists. */
public class Demo {

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("loop")) {
      System.out.println("looping");
      System.out.flush();
      long end = System.currentTimeMillis() + 60_000;
      while (!Files.exists(Paths.get(args[1])) && System.currentTimeMillis() < end) {
        session();
        Thread.sleep(50);
      }
      return;
    }
    session();
    System.out.println("demo done");
  }

  static void session() {
    Inserter inserter = new Inserter();
    for (int i = 0; i < 9; i++) {
      inserter.insert(new Completion(i % 2 == 0 ? "keyword" : "snippet", "private code " + i));
    }
    new Formatter().format("java");
    new StyledEditor().setStyle("java");
    new Chat().send("please refactor my secret code", "gpt-4o", "sk-live-0123456789abcdef0123456789abcdef");
    Action action = new NamedAction("format-document");
    action.actionPerformed(null);
    new Buffer().size();
    new ListView().refresh();
  }
}
