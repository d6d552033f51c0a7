package io.tracked.agent.spool;

import static io.tracked.agent.spool.Spools.drain;
import static io.tracked.agent.spool.Spools.records;
import static io.tracked.agent.spool.Spools.uuids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up mid-write, injected below the spool's file layer (the same happens on a real
 * full tmpfs in {@link SpoolHostilePathsTest}): the whole records are kept, the cut one is removed
 * and counted, and once space returns the next append is clean.
 */
class SpoolFullDiskTest {

  @TempDir Path continueDir;

  /** Lets {@code budget} bytes through in total, then fails like ENOSPC, after writing part of the buffer. */
  static SegmentChannels diskWithRoom(AtomicLong budget) {
    return path -> new FillingChannel(SegmentChannels.DEFAULT.create(path), budget);
  }

  @Test
  void aWriteCutByAFullDiskKeepsTheWholeRecordsAndCountsTheRest() {
    int perRecord = SegmentCodec.encode(Spools.record("a-0")).length;
    AtomicLong room = new AtomicLong(perRecord * 3L + perRecord / 2);
    Spools s = new Spools(continueDir, SpoolBounds.DEFAULTS, diskWithRoom(room));
    SpoolDestination dest = s.destination();

    assertEquals(3, dest.append(records("a", 0, 5)));
    assertEquals(2, s.spool.messages().total(DropReason.UNWRITABLE));
    assertEquals(1, s.messages.size(), s.messages.toString());
    String line = s.messages.get(0);
    assertTrue(line.contains(dest.directory().toString()) && line.contains("No space left on device")
        && line.contains("dropped 2 events") && line.contains("Fix: free space"), line);

    room.set(Long.MAX_VALUE); // space comes back
    assertEquals(2, dest.append(records("b", 0, 2)));
    List<String> expected = uuids(records("a", 0, 3));
    expected.addAll(uuids(records("b", 0, 2)));
    assertEquals(expected, drain(dest, 100), "no record cut, none glued to the next");
    assertEquals(0, s.spool.messages().total(DropReason.DAMAGED));
  }

  @Test
  void aDiskFullFromTheFirstByteDropsTheBatchWithOneLine() {
    AtomicLong room = new AtomicLong(0);
    Spools s = new Spools(continueDir, SpoolBounds.DEFAULTS, diskWithRoom(room));
    assertEquals(0, s.destination().append(records("a", 0, 4)));
    assertEquals(0, s.destination().append(records("b", 0, 4)));
    assertEquals(8, s.spool.messages().total(DropReason.UNWRITABLE));
    assertEquals(1, s.messages.size(), "one line, not one per append: " + s.messages);
    assertTrue(s.destination().claim(10).isEmpty());
  }

  /** A file channel that behaves like a file on a disk with {@code budget} bytes left. */
  static final class FillingChannel extends FileChannel {
    private final FileChannel delegate;
    private final AtomicLong budget;

    FillingChannel(FileChannel delegate, AtomicLong budget) {
      this.delegate = delegate;
      this.budget = budget;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      long room = budget.get();
      if (room <= 0) {
        throw new IOException("No space left on device");
      }
      if (src.remaining() > room) {
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + (int) room);
        int written = delegate.write(part);
        src.position(src.position() + written);
        budget.addAndGet(-written);
        return written; // a short write; the next call fails
      }
      int written = delegate.write(src);
      budget.addAndGet(-written);
      return written;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException { return delegate.read(dst); }
    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return delegate.read(dsts, offset, length);
    }
    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      throw new IOException("not used");
    }
    @Override
    public long position() throws IOException { return delegate.position(); }
    @Override
    public FileChannel position(long newPosition) throws IOException { delegate.position(newPosition); return this; }
    @Override
    public long size() throws IOException { return delegate.size(); }
    @Override
    public FileChannel truncate(long size) throws IOException { delegate.truncate(size); return this; }
    @Override
    public void force(boolean metaData) throws IOException { delegate.force(metaData); }
    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return delegate.transferTo(position, count, target);
    }
    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
      throw new IOException("not used");
    }
    @Override
    public int read(ByteBuffer dst, long position) throws IOException { return delegate.read(dst, position); }
    @Override
    public int write(ByteBuffer src, long position) throws IOException { throw new IOException("not used"); }
    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return delegate.map(mode, position, size);
    }
    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return delegate.lock(position, size, shared);
    }
    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return delegate.tryLock(position, size, shared);
    }
    @Override
    protected void implCloseChannel() throws IOException { delegate.close(); }
  }
}
