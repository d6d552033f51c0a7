package io.tracked.agent.spool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A spool with a settable clock and captured messages, and records that are easy to tell apart. */
final class Spools {

  static final String HOST = "http://127.0.0.1:8000";
  static final String KEY = "phc_testKeyThatMustNeverBeWrittenToDisk123";

  final AtomicLong clock = new AtomicLong(1_750_000_000_000L);
  final List<String> messages = Collections.synchronizedList(new ArrayList<>());
  final Spool spool;

  Spools(Path continueDir) {
    this(continueDir, SpoolBounds.DEFAULTS, SegmentChannels.DEFAULT);
  }

  Spools(Path continueDir, SpoolBounds bounds) {
    this(continueDir, bounds, SegmentChannels.DEFAULT);
  }

  Spools(Path continueDir, SpoolBounds bounds, SegmentChannels channels) {
    spool = new Spool(continueDir.resolve("telemetry").resolve(Spool.DIRECTORY), bounds, clock::get, messages::add,
        channels);
  }

  SpoolDestination destination() {
    return spool.destination(HOST, KEY);
  }

  /** Every record of a uuid up to 20 characters encodes to the same number of bytes, so byte bounds count records. */
  static SpoolRecord record(String uuid) {
    String pad = "x".repeat(Math.max(0, 40 - 2 * uuid.length()));
    return new SpoolRecord(uuid,
        "{\"event\":\"chat\",\"uuid\":\"" + uuid + "\",\"properties\":{\"pad\":\"" + pad + "\"}}");
  }

  static List<SpoolRecord> records(String prefix, int from, int count) {
    return IntStream.range(from, from + count).mapToObj(i -> record(prefix + "-" + i)).collect(Collectors.toList());
  }

  static List<String> uuids(List<SpoolRecord> records) {
    return records.stream().map(SpoolRecord::uuid).collect(Collectors.toList());
  }

  /** Claims and acks everything, returning the uuids in claim order. */
  static List<String> drain(SpoolDestination destination, int batch) {
    List<String> all = new ArrayList<>();
    while (true) {
      SpoolClaim claim = destination.claim(batch);
      if (claim.isEmpty()) {
        return all;
      }
      all.addAll(uuids(claim.records()));
      claim.ack();
    }
  }
}
