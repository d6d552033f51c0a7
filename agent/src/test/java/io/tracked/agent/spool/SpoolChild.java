package io.tracked.agent.spool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * A separate process using the spool, for {@link SpoolMultiProcessTest}. Prints one line per step
 * on stdout, so the test can follow (and kill) it.
 * <pre>
 *   append CONTINUE_DIR PREFIX COUNT BATCH      appends COUNT records, prints "stored UUID" per stored record
 *   drain  CONTINUE_DIR BATCH STOP_FILE         claims and acks until STOP_FILE exists and nothing is left,
 *                                               prints "acked UUID" per record (before acking it)
 *   hold   CONTINUE_DIR BATCH                   claims once, prints "claimed UUID"s then "holding", waits to be killed
 *   flood  CONTINUE_DIR PREFIX BATCH            appends forever, printing "stored UUID"s, to be killed mid-write
 * </pre>
 */
public final class SpoolChild {

  public static void main(String[] args) throws Exception {
    Path continueDir = Paths.get(args[1]);
    Spool spool = Spool.open(continueDir);
    SpoolDestination dest = spool.destination(Spools.HOST, Spools.KEY);
    switch (args[0]) {
      case "append": {
        int count = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        for (int i = 0; i < count; i += batch) {
          List<SpoolRecord> records = Spools.records(args[2], i, Math.min(batch, count - i));
          int stored = dest.append(records);
          for (int j = 0; j < stored; j++) {
            System.out.println("stored " + records.get(j).uuid());
          }
        }
        break;
      }
      case "drain": {
        int batch = Integer.parseInt(args[2]);
        Path stop = Paths.get(args[3]);
        while (true) {
          boolean stopping = Files.exists(stop);
          SpoolClaim claim = dest.claim(batch);
          if (claim.isEmpty()) {
            if (stopping) {
              break;
            }
            Thread.sleep(5);
            continue;
          }
          StringBuilder out = new StringBuilder();
          claim.records().forEach(r -> out.append("acked ").append(r.uuid()).append('\n'));
          System.out.print(out);
          System.out.flush();
          claim.ack();
        }
        break;
      }
      case "hold": {
        SpoolClaim claim = dest.claim(Integer.parseInt(args[2]));
        claim.records().forEach(r -> System.out.println("claimed " + r.uuid()));
        System.out.println("holding");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
        break;
      }
      case "flood": {
        int batch = Integer.parseInt(args[3]);
        for (int i = 0;; i += batch) {
          List<SpoolRecord> records = Spools.records(args[2], i, batch);
          int stored = dest.append(records);
          StringBuilder out = new StringBuilder();
          for (int j = 0; j < stored; j++) {
            out.append("stored ").append(records.get(j).uuid()).append('\n');
          }
          System.out.print(out);
          System.out.flush();
        }
      }
      default:
        throw new IllegalArgumentException(args[0]);
    }
    spool.close();
    System.out.println("done");
  }
}
