package io.tracked.agent.consent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes config files the way editors save them: a new file, then an atomic rename over the old one. */
final class ConfigFiles {

  private ConfigFiles() {}

  static Path replace(Path file, String text) throws IOException {
    return replace(file, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path replace(Path file, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), "config", ".tmp");
    Files.write(temp, bytes);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return file;
  }
}
