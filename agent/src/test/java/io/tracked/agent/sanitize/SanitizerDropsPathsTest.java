package io.tracked.agent.sanitize;

import static io.tracked.agent.sanitize.Verdicts.assertDropped;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Paths and file URIs can carry the user's name and their project's layout: always dropped. */
class SanitizerDropsPathsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "/home/alice/projects/secret-app/src/Main.java",
      "/home/alice",
      "/Users/bob/code/app.py",
      "/Users/bob",
      "/tmp/x.txt",
      "/etc/passwd",
      "/var/folders/xy/T/scratch",
      "/workspace/project/README.md",
      "/opt/app/config.yaml",
      "/home/alice/my file.txt",
      "/home/Alice/Docs"})
  void unixAbsolutePaths(String path) {
    assertDropped("where", path);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "C:\\Users\\carol\\source\\repos\\App\\Program.cs",
      "C:/Users/carol/x.java",
      "d:\\work",
      "\\\\server\\share\\folder\\file.txt",
      "\\\\fileserver\\home$\\dave",
      "src\\main\\Foo.java"})
  void windowsAndUncPaths(String path) {
    assertDropped("where", path, "path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"~/notes.txt", "~/.continue/config.json", "~alice/x", "~"})
  void homeRelativePaths(String path) {
    assertDropped("where", path, "path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///home/alice/x.ts", "file:///C:/Users/carol/x.cs", "FILE:///Users/bob", "file:x.txt"})
  void fileUris(String uri) {
    assertDropped("where", uri, "path");
  }

  @ParameterizedTest
  @ValueSource(strings = {"src/main/java/Foo.java", "packages/app/index.ts", "docs/readme.md"})
  void relativePathsWithAFileName(String path) {
    assertDropped("where", path, "path");
  }
}
