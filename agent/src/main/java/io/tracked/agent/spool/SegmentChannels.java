package io.tracked.agent.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens a new segment file for writing; a seam so tests can inject a disk that fills up mid-write. */
interface SegmentChannels {

  SegmentChannels DEFAULT = path -> FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

  /** Creates {@code path}, failing if anything (a link included) is already there. */
  FileChannel create(Path path) throws IOException;
}
