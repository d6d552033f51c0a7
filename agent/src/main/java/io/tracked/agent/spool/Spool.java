package io.tracked.agent.spool;

import io.tracked.agent.log.AgentLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Events PostHog has not acknowledged, kept on disk until a later delivery succeeds: in this run or
 * the next start, by this process or another editor using the same Continue directory.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * Spool spool = Spool.open(continueDirectory);              // no I/O yet, never throws
 * SpoolDestination dest = spool.destination(host, apiKey);  // one per (host, key)
 * dest.append(List.of(new SpoolRecord(uuid, jsonLine)));    // not delivered: keep them
 * SpoolClaim claim = dest.claim(100);                       // up to 100, oldest first (the rest of
 *                                                           // a segment it takes from waits for its end)
 * ... send claim.records() ...; then claim.ack() (delivered) or claim.release() (not delivered)
 * spool.clearAll();                                         // consent off: delete every destination's spool
 * spool.close();                                            // at exit: releases unfinished claims
 * }</pre>
 * No method throws (a bad {@link SpoolRecord} is rejected when it is built) and none waits for
 * another process: locks are only tried, state changes are renames. They do file I/O, so call them
 * from the agent's own thread, never the host's (appending 10,000 events of ~500 bytes took 30-450 ms
 * on a loaded test machine; claiming them back 100 at a time, 0.2-1 s in all).
 *
 * <h2>Layout</h2>
 * {@code <continue dir>/telemetry/spool/DEST/} per destination, where DEST is 32 hex digits of the
 * SHA-256 of the host (scheme and authority lower-cased, trailing slashes removed) and the API key:
 * events never go to a project they were not meant for, and the key itself is never written.
 * {@code spool/owners/ID.lock} is held locked by each open spool for its lifetime (locked first under
 * {@code ID.new}, then renamed, so a {@code .lock} that can be locked belongs to a dead process; such
 * files are removed by the next spool that starts).
 *
 * <h2>Format</h2>
 * Each destination holds segment files, each written once by one process and never appended to
 * after; one record per line: {@code CRC32HEX UUID JSON\n} (see {@link SegmentCodec}). A segment's
 * state is in its name ({@link SegmentName}): {@code .open-OWNER} while written, {@code .seg} when
 * committed, {@code .claim-OWNER} while claimed; acknowledging part of a segment renames it with a
 * higher skip count. Every state change is a single rename or delete, so nothing acknowledged stays,
 * and nothing unacknowledged is lost or duplicated by the spool, whenever a process dies. The one
 * window no spool can close is the caller's: a process that dies after the endpoint took a claim's
 * records but before {@link SpoolClaim#ack()} replays them later, with the same uuids.
 *
 * <h2>Crashes and full disks</h2>
 * A write cut by a full disk is truncated back to its last whole record; the whole records are
 * kept, the rest counted as dropped. A segment left {@code .open} or {@code .claim} by a process
 * that died (its owner lock can be taken) is taken back by the next append or claim of any process:
 * a last line without its line break, or whose checksum fails, is skipped and counted; it can never
 * be merged with another record, because no file is ever appended to after a cut. Segments are not
 * fsync'ed: a crash of the process loses nothing already appended, a power cut may lose the last
 * seconds of appends, and whatever garbage it leaves fails the checksum.
 *
 * <h2>Bounds (defaults in {@link SpoolBounds#DEFAULTS})</h2>
 * <ul>
 *   <li>bytes: at most 10 MiB per destination; an append drops the oldest committed segments first to
 *       stay within it (segments claimed by a live process are counted but not dropped, so several
 *       processes appending at once can exceed it by their in-flight segments);</li>
 *   <li>age: records spooled more than 7 days ago are dropped at the next append or claim, and, for
 *       every destination (a key no longer used included), at the first append or claim of a spool;</li>
 *   <li>segments: at most 1,000 records and 512 KiB; a record larger than 512 KiB is dropped; a
 *       file larger than 4 segments (2 MiB) is not read, but deleted;</li>
 *   <li>a directory listing looks at most at {@value SpoolDirectories#MAX_LISTED} entries.</li>
 * </ul>
 * Every drop is counted by reason and reported (one line per new problem, then at most one line a
 * minute with the counts since the last, and at {@link #close()}), so the lines add up to the true
 * number.
 *
 * <h2>Hostile paths</h2>
 * Only regular files are read (links not followed, type checked before opening, so a FIFO or a
 * device is never opened); a directory that is missing is made; one that is a file, a FIFO, a link to
 * a device, unreadable or on a read-only or full file system gives one line naming the path, the
 * reason and the fix, and the records are counted as dropped.
 */
public final class Spool implements AutoCloseable {

  /** Below {@code <continue dir>/telemetry/}. */
  public static final String DIRECTORY = "spool";

  private final Path root;
  private final SpoolBounds bounds;
  private final LongSupplier clock;
  private final SpoolMessages messages;
  private final SegmentChannels channels;
  private final Owner owner;
  private final AtomicLong lastStamp = new AtomicLong();
  private final Map<String, SpoolDestination> destinations = new ConcurrentHashMap<>();
  private final AtomicBoolean pruned = new AtomicBoolean();
  private volatile boolean closed;

  Spool(Path root, SpoolBounds bounds, LongSupplier clock, Consumer<String> out, SegmentChannels channels) {
    this.root = root;
    this.bounds = bounds;
    this.clock = clock;
    this.messages = new SpoolMessages(out, clock, bounds);
    this.channels = channels;
    this.owner = new Owner(root.resolve("owners"));
  }

  /** The spool of {@code <continueDirectory>/telemetry/spool}, with the default bounds. */
  public static Spool open(Path continueDirectory) {
    return new Spool(continueDirectory.resolve("telemetry").resolve(DIRECTORY), SpoolBounds.DEFAULTS,
        System::currentTimeMillis, AgentLog::info, SegmentChannels.DEFAULT);
  }

  /** The spool's root directory. */
  public Path directory() {
    return root;
  }

  /** The spool for events meant for {@code apiKey} on {@code host}. */
  public SpoolDestination destination(String host, String apiKey) {
    String digest = digest(host, apiKey);
    return destinations.computeIfAbsent(digest, d -> new SpoolDestination(this, root.resolve(d)));
  }

  /**
   * Deletes every destination's records, claimed or not, in every process (consent turned off). A
   * claim ended afterwards finds its records gone and does nothing. Returns the records deleted.
   */
  public long clearAll() {
    long deleted = 0;
    try {
      if (!Files.isDirectory(root)) {
        return 0; // missing, or something else in its place: either way no spool to delete
      }
      for (String name : SpoolDirectories.list(root)) {
        if (isDestination(name)) {
          deleted += SpoolDestination.clear(root.resolve(name));
        }
      }
    } catch (SpoolDirectories.Unusable unusable) {
      messages.problem("clear:" + unusable.path, "spool: cannot clear " + unusable.path + " (" + unusable.why
          + "): events PostHog had not acknowledged may remain there. Fix: " + unusable.fix);
    }
    return deleted;
  }

  /**
   * Once per spool, at its first append or claim: drops expired records of every destination, so
   * the spool of a key no longer used does not stay for ever.
   */
  void pruneExpiredOnce() {
    if (!pruned.compareAndSet(false, true)) {
      return;
    }
    long oldest = now() - bounds.maxAge().toMillis();
    try {
      for (String destination : SpoolDirectories.list(root)) {
        if (!isDestination(destination)) {
          continue;
        }
        for (String name : SpoolDirectories.list(root.resolve(destination))) {
          SegmentName segment = SegmentName.parse(name);
          if (segment != null && segment.state() == SegmentName.State.SEG && segment.stamp() < oldest
              && SegmentFiles.deleteQuietly(root.resolve(destination).resolve(name))) {
            messages.dropped(DropReason.EXPIRED, segment.remaining());
          }
        }
      }
    } catch (SpoolDirectories.Unusable unusable) {
      // the destination's own append or claim reports it
    }
  }

  private static boolean isDestination(String name) {
    return name.length() == 32 && name.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }

  /**
   * Releases every claim not yet ended, reports drops not yet reported and gives up this process's
   * owner lock. Appends and claims after close do nothing.
   */
  @Override
  public void close() {
    closed = true;
    for (SpoolDestination destination : destinations.values()) {
      destination.releaseAll();
    }
    owner.release();
    messages.flush();
  }

  boolean closed() {
    return closed;
  }

  SpoolBounds bounds() {
    return bounds;
  }

  long now() {
    return clock.getAsLong();
  }

  /** Strictly increasing within this spool, so its segments keep their order. */
  long nextStamp() {
    long now = Math.max(0, Math.min(clock.getAsLong(), 9_999_999_999_999L));
    return lastStamp.updateAndGet(last -> Math.max(now, last + 1));
  }

  SpoolMessages messages() {
    return messages;
  }

  SegmentChannels channels() {
    return channels;
  }

  Owner owner() {
    return owner;
  }

  /** 32 hex digits naming a destination: host and key go in, only their digest comes out. */
  static String digest(String host, String apiKey) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest(("tracked-spool\u0000" + normalizeHost(host) + "\u0000" + apiKey)
          .getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(32);
      for (int i = 0; i < 16; i++) {
        hex.append(Character.forDigit((hash[i] >> 4) & 0xf, 16)).append(Character.forDigit(hash[i] & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException everyJdkHasIt) {
      throw new IllegalStateException(everyJdkHasIt);
    }
  }

  /** {@code HTTPS://EU.i.PostHog.com/} and {@code https://eu.i.posthog.com} are one destination. */
  static String normalizeHost(String host) {
    String h = host.trim();
    while (h.endsWith("/")) {
      h = h.substring(0, h.length() - 1);
    }
    int scheme = h.indexOf("://");
    int pathStart = h.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    String authority = pathStart < 0 ? h : h.substring(0, pathStart);
    return authority.toLowerCase(Locale.ROOT) + (pathStart < 0 ? "" : h.substring(pathStart));
  }
}
