package io.tracked.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project folder the user has open: which files exist, which are open, and which one has the
 * focus. File contents live in memory; the sample never reads or writes the user's disk.
 */
final class Workspace {

  private final String root;
  private final Map<String, String> files;
  private final Map<String, Document> open = new LinkedHashMap<>();
  private Document active;

  Workspace(String root, Map<String, String> files) {
    this.root = root;
    this.files = new LinkedHashMap<>(files);
  }

  /** The fictional user's project, fresh for every session so that sessions do not affect each other. */
  static Workspace sample() {
    return new Workspace(SampleContent.WORKSPACE_ROOT, SampleContent.files());
  }

  /** Opens a file (or focuses it when already open) and returns it. */
  Document open(String relativePath) {
    String content = files.get(relativePath);
    if (content == null) {
      throw new IllegalArgumentException("no file " + relativePath + " in the workspace");
    }
    active = open.computeIfAbsent(root + "/" + relativePath, path -> new Document(path, content));
    return active;
  }

  /** The absolute path of the project folder. */
  String root() {
    return root;
  }

  Optional<Document> active() {
    return Optional.ofNullable(active);
  }

  /** The open document with this absolute path. */
  Document document(String path) {
    Document document = open.get(path);
    if (document == null) {
      throw new IllegalArgumentException("no open document " + path);
    }
    return document;
  }

  List<Document> openDocuments() {
    return new ArrayList<>(open.values());
  }
}
