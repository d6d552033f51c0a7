package io.tracked.sample.documents;

import io.tracked.sample.content.SampleContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project folder the user has open: which files exist, which are open, and which one has the
 * focus. File contents live in memory; the sample never reads or writes the user's disk.
 */
public final class Workspace {

  private final String root;
  private final Map<String, String> files;
  private final Map<String, Document> open = new LinkedHashMap<>();
  private Document active;

  public Workspace(String root, Map<String, String> files) {
    this.root = root;
    this.files = new LinkedHashMap<>(files);
  }

  /** The fictional user's project, fresh for every session so that sessions do not affect each other. */
  public static Workspace sample() {
    return new Workspace(SampleContent.WORKSPACE_ROOT, SampleContent.files());
  }

  /** Opens a file (or focuses it when already open) and returns it. */
  public Document open(String relativePath) {
    String content = files.get(relativePath);
    if (content == null) {
      throw new IllegalArgumentException("no file " + relativePath + " in the workspace");
    }
    active = open.computeIfAbsent(root + "/" + relativePath, path -> new Document(path, content));
    return active;
  }

  /** The absolute path of the project folder. */
  public String root() {
    return root;
  }

  public Optional<Document> active() {
    return Optional.ofNullable(active);
  }

  /** The open document with this absolute path. */
  public Document document(String path) {
    Document document = open.get(path);
    if (document == null) {
      throw new IllegalArgumentException("no open document " + path);
    }
    return document;
  }

  public List<Document> openDocuments() {
    return new ArrayList<>(open.values());
  }
}
