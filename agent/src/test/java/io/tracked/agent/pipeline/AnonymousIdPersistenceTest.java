package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** distinct_id: a random UUID, created once in the Continue directory and reused by every later run. */
class AnonymousIdPersistenceTest {

  @TempDir Path continueDir;

  @Test
  void createdOnceAsARandomUuidAndPersisted() throws Exception {
    AnonymousId id = new AnonymousId(continueDir);
    String value = id.get();

    assertEquals(value, UUID.fromString(value).toString(), "a canonical UUID");
    assertEquals(4, UUID.fromString(value).version(), "a random (version 4) UUID");
    assertEquals(continueDir.resolve("telemetry").resolve(AnonymousId.FILE_NAME), id.file());
    assertTrue(Files.isRegularFile(id.file()));
    assertEquals(value, Files.readString(id.file(), StandardCharsets.US_ASCII).trim());
    assertEquals(value, id.get(), "stable within one instance");
  }

  @Test
  void aSecondInstanceReadsTheSameValue() {
    String first = new AnonymousId(continueDir).get();
    String second = new AnonymousId(continueDir).get();
    assertEquals(first, second);
  }

  @Test
  void anotherDirectoryGetsAnotherId(@TempDir Path otherDir) {
    assertNotEquals(new AnonymousId(continueDir).get(), new AnonymousId(otherDir).get());
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws Exception {
    new AnonymousId(continueDir).get();
    try (var files = Files.list(continueDir.resolve("telemetry"))) {
      assertEquals(1, files.count());
    }
  }
}
