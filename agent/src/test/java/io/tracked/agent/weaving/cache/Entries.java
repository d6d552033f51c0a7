package io.tracked.agent.weaving.cache;

import io.tracked.agent.event.EventBinding;
import java.util.List;
import java.util.Set;

/** Entries with every kind of step, for the cache's tests. */
final class Entries {

  static final String CONTEXT = "tracked 1.0 build 20261201T000000.000Z\nmethods=a.B[c]\njvm test 17";

  private Entries() {}

  static EntryKey key(String className, byte[] original) {
    return new EntryKey(CONTEXT, className, original, List.of(
        new EntryKey.Supertype("com/example/Base", new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2}),
        new EntryKey.Supertype("com/example/Missing", null)));
  }

  static WeaveRecord record(byte[] woven) {
    EventBinding binding = new EventBinding("com.example.Editor", "insert", "(Ljava/lang/String;I)V", "inserted",
        List.of("text", ""), "result", true, List.of(new EventBinding.FieldCapture("kind", 0, List.of("c", "kind"))),
        true, Set.of("id", "session"));
    return new WeaveRecord(woven, List.of(
        new WeaveRecord.Configured("com.example.Editor"),
        new WeaveRecord.Problem("entry:com.example.Editor[gone]", "methods entry ... never fires. Fix: ..."),
        new WeaveRecord.Event(binding, 123456789, 42),
        new WeaveRecord.Debug("woven com.example.Editor#insert as event 'inserted' — ünïcödé"),
        new WeaveRecord.Switch("com.example.Editor#telemetryEnabled", 7)));
  }

  static byte[] bytes(int length, int seed) {
    byte[] bytes = new byte[length];
    new java.util.Random(seed).nextBytes(bytes);
    return bytes;
  }
}
