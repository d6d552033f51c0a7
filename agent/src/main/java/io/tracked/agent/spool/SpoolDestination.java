package io.tracked.agent.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spool of one destination (host and API key): {@link #append} what was not delivered,
 * {@link #claim} it back, oldest first, to deliver it again. Thread-safe; shared with other
 * processes through the file system only. See {@link Spool} for the format and the bounds.
 */
public final class SpoolDestination {

  private final Spool spool;
  private final Path directory;
  private final Set<SpoolClaim> outstanding = new LinkedHashSet<>();
  private String lastProblem;

  SpoolDestination(Spool spool, Path directory) {
    this.spool = spool;
    this.directory = directory;
  }

  /** This destination's directory (named by a digest of host and key). */
  public Path directory() {
    return directory;
  }

  /**
   * Keeps {@code records} for a later claim, in their order after every record already kept. Drops
   * the oldest records of this destination if needed to stay within the byte bound. Returns how
   * many of {@code records} were stored; the others were dropped, counted and reported.
   */
  public synchronized int append(List<SpoolRecord> records) {
    if (records.isEmpty()) {
      return 0;
    }
    SpoolMessages messages = spool.messages();
    if (spool.closed()) {
      messages.dropped(DropReason.UNWRITABLE, records.size(), "closed",
          "spool: dropped {n} PostHog had not acknowledged, spooled after the spool was closed. Fix: report it (the agent closed its spool too early)");
      return 0;
    }
    SpoolBounds bounds = spool.bounds();
    List<byte[]> encoded = new ArrayList<>(records.size());
    for (SpoolRecord record : records) {
      byte[] bytes = SegmentCodec.encode(record);
      if (bytes.length > bounds.segmentBytes()) {
        messages.dropped(DropReason.TOO_LARGE, 1);
      } else {
        encoded.add(bytes);
      }
    }
    // A batch larger than the whole bound keeps its newest records.
    long incoming = encoded.stream().mapToLong(b -> b.length).sum();
    int first = 0;
    while (incoming > bounds.maxBytes()) {
      incoming -= encoded.get(first++).length;
    }
    messages.dropped(DropReason.FULL, first);
    int stored = 0;
    int next = first;
    try {
      SpoolDirectories.ensure(directory);
      holdOwner();
      List<SegmentName> live = scan();
      makeRoom(live, incoming);
      while (next < encoded.size()) {
        List<byte[]> chunk = chunk(encoded, next);
        SegmentName open = SegmentName.open(spool.nextStamp(), Owner.randomHex16(), spool.owner().id);
        SegmentFiles.Written written = SegmentFiles.write(directory, open, chunk, spool.channels());
        if (written.vanished()) {
          return stored; // the spool was cleared meanwhile (consent off): nothing to report
        }
        stored += written.kept();
        next += chunk.size();
        if (written.failure() != null) {
          throw written.failure();
        }
      }
      solved();
    } catch (SpoolDirectories.Unusable unusable) {
      drop(encoded.size() - first - stored, unusable);
    } catch (IOException failed) {
      drop(encoded.size() - first - stored, SpoolDirectories.unusable(directory, failed));
    } catch (RuntimeException failed) {
      drop(encoded.size() - first - stored,
          new SpoolDirectories.Unusable(directory, String.valueOf(failed), "check that it is a writable directory"));
    }
    return stored;
  }

  /**
   * Takes up to {@code maxRecords} records, oldest first, out of every process's reach until the
   * claim is acked or released. Empty when there is nothing to replay (or the spool is unusable,
   * which is reported once).
   */
  public synchronized SpoolClaim claim(int maxRecords) {
    List<SpoolRecord> records = new ArrayList<>();
    List<SpoolClaim.Part> parts = new ArrayList<>();
    if (spool.closed() || maxRecords < 1) {
      return new SpoolClaim(this, records, parts);
    }
    try {
      if (!SpoolDirectories.exists(directory)) {
        return new SpoolClaim(this, records, parts);
      }
      holdOwner();
      List<SegmentName> live = scan();
      live.sort(SegmentName.OLDEST_FIRST);
      for (SegmentName segment : live) {
        if (records.size() >= maxRecords) {
          break;
        }
        if (segment.state() == SegmentName.State.SEG) {
          claimFrom(segment, maxRecords - records.size(), records, parts);
        }
      }
    } catch (SpoolDirectories.Unusable unusable) {
      problem(unusable, "events spooled there cannot be replayed");
    } catch (IOException failed) {
      problem(SpoolDirectories.unusable(directory, failed), "events spooled there cannot be replayed");
    } catch (RuntimeException failed) {
      problem(new SpoolDirectories.Unusable(directory, String.valueOf(failed), "check that it is a readable directory"),
          "events spooled there cannot be replayed");
    }
    SpoolClaim claim = new SpoolClaim(this, records, parts);
    if (!parts.isEmpty()) {
      outstanding.add(claim);
    }
    return claim;
  }

  /** Records kept and not yet acknowledged, claimed ones included, by every process: for status and tests. */
  public long pendingRecords() {
    long pending = 0;
    try {
      if (!SpoolDirectories.exists(directory)) {
        return 0;
      }
      for (String name : SpoolDirectories.list(directory)) {
        SegmentName segment = SegmentName.parse(name);
        if (segment != null && segment.state() != SegmentName.State.OPEN) {
          pending += segment.remaining();
        }
      }
    } catch (SpoolDirectories.Unusable unusable) {
      return 0;
    }
    return pending;
  }

  private void claimFrom(SegmentName segment, int wanted, List<SpoolRecord> records, List<SpoolClaim.Part> parts) {
    SegmentName claimed = segment.claimedBy(spool.owner().id);
    Path file = directory.resolve(claimed.fileName());
    try {
      SegmentFiles.move(directory.resolve(segment.fileName()), file);
    } catch (NoSuchFileException takenByAnother) {
      return;
    } catch (IOException cannotRename) {
      problemWith(file, cannotRename);
      return;
    }
    SegmentCodec.Decoded decoded;
    try {
      decoded = SegmentCodec.decode(SegmentFiles.read(file, readLimit()));
    } catch (SegmentFiles.NotASegment notOurs) {
      discard(file, notOurs);
      return;
    } catch (IOException unreadable) {
      putBack(file, segment);
      problemWith(file, unreadable);
      return;
    }
    int valid = decoded.valid();
    if (valid != claimed.count()) {
      // Damaged after it was written: count the loss once, and name the segment by what it holds.
      spool.messages().dropped(DropReason.DAMAGED, Math.max(0, claimed.count() - valid));
      SegmentName corrected = new SegmentName(claimed.stamp(), claimed.uid(), valid, claimed.bytes(),
          claimed.skip(), SegmentName.State.CLAIM, claimed.owner());
      if (valid <= claimed.skip() || !rename(file, directory.resolve(corrected.fileName()))) {
        SegmentFiles.deleteQuietly(file);
        return;
      }
      claimed = corrected;
    }
    int taken = Math.min(wanted, valid - claimed.skip());
    records.addAll(decoded.records(claimed.skip(), claimed.skip() + taken));
    parts.add(new SpoolClaim.Part(claimed, taken));
  }

  /** Ends a claim: called once per claim by {@link SpoolClaim}. */
  synchronized void end(SpoolClaim claim, List<SpoolClaim.Part> parts, boolean delivered) {
    outstanding.remove(claim);
    for (SpoolClaim.Part part : parts) {
      SegmentName name = part.name();
      Path file = directory.resolve(name.fileName());
      int skip = delivered ? name.skip() + part.taken() : name.skip();
      try {
        if (skip >= name.count()) {
          Files.delete(file);
        } else {
          SegmentFiles.move(file, directory.resolve(name.withSkip(skip).fileName()));
        }
      } catch (NoSuchFileException cleared) {
        // deleted meanwhile (consent off): nothing left to end
      } catch (IOException | SecurityException failed) {
        IOException cause = failed instanceof IOException ? (IOException) failed : new IOException(failed);
        problemWith(file, cause);
      }
    }
  }

  /** Releases every claim of this process not yet ended (at close). */
  void releaseAll() {
    List<SpoolClaim> open;
    synchronized (this) {
      open = new ArrayList<>(outstanding);
    }
    open.forEach(SpoolClaim::release);
  }

  /** Deletes every record of the destination in {@code directory}; returns how many it held. */
  static long clear(Path directory) throws SpoolDirectories.Unusable {
    long deleted = 0;
    for (String name : SpoolDirectories.list(directory)) {
      SegmentName segment = SegmentName.parse(name);
      if (segment != null && SegmentFiles.deleteQuietly(directory.resolve(name))) {
        deleted += segment.remaining();
      }
    }
    try {
      Files.deleteIfExists(directory);
    } catch (IOException | SecurityException inUseOrNotEmpty) {
      // another process is writing into it: its next segment is deleted at the next clear
    }
    return deleted;
  }

  /**
   * The segments of this destination after taking back those of dead owners and dropping the
   * expired: one listing, plus one more when something was taken back.
   */
  private List<SegmentName> scan() throws SpoolDirectories.Unusable {
    List<SegmentName> live = parse(SpoolDirectories.list(directory));
    Map<String, List<SegmentName>> foreign = new HashMap<>();
    for (SegmentName segment : live) {
      if (segment.state() != SegmentName.State.SEG && !segment.owner().equals(spool.owner().id)) {
        foreign.computeIfAbsent(segment.owner(), o -> new ArrayList<>()).add(segment);
      }
    }
    boolean[] recovered = {false};
    foreign.forEach((owner, segments) -> spool.owner().recoverIfGone(owner, () -> {
      segments.forEach(this::recover);
      recovered[0] = true;
    }));
    if (recovered[0]) {
      live = parse(SpoolDirectories.list(directory));
    }
    long oldest = spool.now() - spool.bounds().maxAge().toMillis();
    List<SegmentName> kept = new ArrayList<>(live.size());
    for (SegmentName segment : live) {
      if (segment.state() == SegmentName.State.SEG && segment.stamp() < oldest) {
        if (SegmentFiles.deleteQuietly(directory.resolve(segment.fileName()))) {
          spool.messages().dropped(DropReason.EXPIRED, segment.remaining());
        }
      } else {
        kept.add(segment);
      }
    }
    return kept;
  }

  /** Takes back a segment whose owner died: claimed ones as they were, half-written ones up to their last whole record. */
  private void recover(SegmentName segment) {
    Path file = directory.resolve(segment.fileName());
    if (segment.state() == SegmentName.State.CLAIM) {
      rename(file, directory.resolve(segment.withSkip(segment.skip()).fileName()));
      return;
    }
    byte[] bytes;
    try {
      bytes = SegmentFiles.read(file, readLimit());
    } catch (SegmentFiles.NotASegment notOurs) {
      discard(file, notOurs);
      return;
    } catch (IOException unreadable) {
      return; // tried again at the next scan
    }
    SegmentCodec.Decoded decoded = SegmentCodec.decode(bytes);
    int valid = decoded.valid();
    if (valid == 0) {
      if (SegmentFiles.deleteQuietly(file)) {
        spool.messages().dropped(DropReason.DAMAGED, decoded.damaged());
      }
    } else if (rename(file, directory.resolve(segment.committed(valid, bytes.length, 0).fileName()))) {
      spool.messages().dropped(DropReason.DAMAGED, decoded.damaged());
    }
  }

  private void makeRoom(List<SegmentName> live, long incoming) {
    long total = 0;
    for (SegmentName segment : live) {
      total += segment.state() == SegmentName.State.OPEN ? sizeOf(segment) : segment.bytes();
    }
    List<SegmentName> oldestFirst = new ArrayList<>(live);
    oldestFirst.sort(SegmentName.OLDEST_FIRST);
    long limit = spool.bounds().maxBytes();
    for (SegmentName segment : oldestFirst) {
      if (total + incoming <= limit) {
        return;
      }
      if (segment.state() == SegmentName.State.SEG && SegmentFiles.deleteQuietly(directory.resolve(segment.fileName()))) {
        total -= segment.bytes();
        spool.messages().dropped(DropReason.FULL, segment.remaining());
      }
    }
  }

  private List<byte[]> chunk(List<byte[]> encoded, int from) {
    SpoolBounds bounds = spool.bounds();
    List<byte[]> chunk = new ArrayList<>();
    long bytes = 0;
    for (int i = from; i < encoded.size() && chunk.size() < bounds.segmentRecords(); i++) {
      if (!chunk.isEmpty() && bytes + encoded.get(i).length > bounds.segmentBytes()) {
        break;
      }
      chunk.add(encoded.get(i));
      bytes += encoded.get(i).length;
    }
    return chunk;
  }

  private void holdOwner() throws IOException {
    if (!spool.owner().hold()) {
      throw new IOException("the spool is closed");
    }
    spool.pruneExpiredOnce();
  }

  private int readLimit() {
    return (int) Math.min(Integer.MAX_VALUE - 1, 4L * spool.bounds().segmentBytes());
  }

  private long sizeOf(SegmentName segment) {
    try {
      return Files.readAttributes(directory.resolve(segment.fileName()),
          java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
    } catch (IOException | SecurityException gone) {
      return 0;
    }
  }

  private static List<SegmentName> parse(List<String> names) {
    List<SegmentName> segments = new ArrayList<>(names.size());
    for (String name : names) {
      SegmentName segment = SegmentName.parse(name);
      if (segment != null) {
        segments.add(segment);
      }
    }
    return segments;
  }

  private boolean rename(Path from, Path to) {
    try {
      SegmentFiles.move(from, to);
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private void putBack(Path claimed, SegmentName original) {
    rename(claimed, directory.resolve(original.fileName()));
  }

  private void discard(Path file, SegmentFiles.NotASegment why) {
    SegmentFiles.deleteQuietly(file);
    spool.messages().problem("discard:" + file.getFileName(), "spool: removed " + file + ": " + why.getMessage()
        + ", where the spool keeps its own files. Fix: keep other files out of " + directory);
  }

  private void drop(int count, SpoolDirectories.Unusable unusable) {
    String key = "dir:" + unusable.path + ":" + unusable.why;
    lastProblem = key;
    spool.messages().dropped(DropReason.UNWRITABLE, count, key, "spool: cannot write " + unusable.path + " ("
        + unusable.why + "): dropped {n} PostHog had not acknowledged. Fix: " + unusable.fix);
  }

  private void problem(SpoolDirectories.Unusable unusable, String consequence) {
    String key = "dir:" + unusable.path + ":" + unusable.why;
    lastProblem = key;
    spool.messages().problem(key, "spool: cannot use " + unusable.path + " (" + unusable.why + "): " + consequence
        + ". Fix: " + unusable.fix);
  }

  private void problemWith(Path file, IOException failure) {
    problem(SpoolDirectories.unusable(file, failure), "spooled events there cannot be replayed or acknowledged");
  }

  private void solved() {
    if (lastProblem != null) {
      spool.messages().solved(lastProblem);
      lastProblem = null;
    }
  }
}
