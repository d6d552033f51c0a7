package io.tracked.agent.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrupt id file is replaced; a place that cannot be written gives an id for this run, never an exception. */
class AnonymousIdRecoveryTest {

  @TempDir Path continueDir;

  @Test
  void corruptFileIsReplacedWithAFreshUuid() throws Exception {
    Path file = continueDir.resolve("telemetry").resolve(AnonymousId.FILE_NAME);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "not-a-uuid\u0000garbage", StandardCharsets.US_ASCII);

    String id = new AnonymousId(continueDir).get();
    UUID.fromString(id);
    assertEquals(id, Files.readString(file, StandardCharsets.US_ASCII).trim(), "the corrupt file is replaced");
    assertEquals(id, new AnonymousId(continueDir).get(), "and the replacement is reused");
  }

  @Test
  void truncatedUuidIsReplaced() throws Exception {
    Path file = continueDir.resolve("telemetry").resolve(AnonymousId.FILE_NAME);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "550e8400-e29b-41d4-a716", StandardCharsets.US_ASCII);

    String id = new AnonymousId(continueDir).get();
    assertEquals(36, id.length());
    assertNotEquals("550e8400-e29b-41d4-a716", id);
  }

  @Test
  void emptyFileIsReplaced() throws Exception {
    Path file = continueDir.resolve("telemetry").resolve(AnonymousId.FILE_NAME);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[0]);

    String id = new AnonymousId(continueDir).get();
    assertEquals(id, Files.readString(file, StandardCharsets.US_ASCII).trim());
  }

  @Test
  void unwritableLocationGivesAnInMemoryIdWithoutThrowing() throws Exception {
    // A regular file where the telemetry directory should be: nothing can be created below it,
    // whatever the user's privileges (the tests may run as root, where permissions do not stop writes).
    Files.writeString(continueDir.resolve("telemetry"), "in the way");

    AnonymousId id = new AnonymousId(continueDir);
    String value = assertDoesNotThrow(id::get);
    UUID.fromString(value);
    assertEquals(value, id.get(), "the in-memory id is stable for the run");
    assertFalse(Files.isDirectory(continueDir.resolve("telemetry")));
  }
}
