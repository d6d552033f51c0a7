package io.tracked.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracked.agent.bootstrap.TrackedBridge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes are applied while the host runs: through directory watching, through the one-second poll
 * when nothing is watched, and through symlinks, whose targets may live elsewhere.
 */
class ConsentGateLiveTest {

  @TempDir Path dir;
  private ConsentGate gate;

  @AfterEach
  void stop() {
    if (gate != null) {
      gate.stopPolling();
    }
    TrackedBridge.setCapturing(false);
  }

  private void awaitState(ConsentGate.State expected) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (gate.state() != expected && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assertEquals(expected, gate.state(), gate.describe());
  }

  @Test
  void watchedFileReplacedByRenameIsApplied() throws IOException {
    Path config = ConfigFiles.replace(dir.resolve("config.json"), "{\"allowAnonymousTelemetry\": true}");
    gate = new ConsentGate(List.of(new ContinueConfigSwitch(config)), List.of(config));
    gate.refresh();
    gate.startPolling();
    ConfigFiles.replace(config, "{\"allowAnonymousTelemetry\": false}");
    awaitState(ConsentGate.State.OFF);
    Files.delete(config);
    awaitState(ConsentGate.State.ON);
  }

  @Test
  void unwatchedFileIsStillPolled() throws IOException {
    Path config = ConfigFiles.replace(dir.resolve("config.json"), "{}");
    gate = new ConsentGate(List.of(new ContinueConfigSwitch(config)), List.of());
    gate.refresh();
    gate.startPolling();
    ConfigFiles.replace(config, "{\"allowAnonymousTelemetry\": false}");
    awaitState(ConsentGate.State.OFF);
  }

  @Test
  void symlinkedConfigFollowsItsTarget() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("dotfiles"));
    Path target = ConfigFiles.replace(elsewhere.resolve("continue.json"), "{\"allowAnonymousTelemetry\": true}");
    Path link = Files.createSymbolicLink(dir.resolve("config.json"), target);
    gate = new ConsentGate(List.of(new ContinueConfigSwitch(link)), List.of(link));
    assertEquals(ConsentGate.State.ON, gate.refresh());
    gate.startPolling();
    ConfigFiles.replace(target, "{\"allowAnonymousTelemetry\": false}");
    awaitState(ConsentGate.State.OFF);
    assertTrue(Files.isSymbolicLink(link));
  }
}
