package org.nde4j.learn.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers, and the file system after a crash, see either the previous
 * complete file or the new complete one, never a mixture or a truncated file. The body goes to a
 * temporary file in the target's directory (same file system, so the rename is atomic), is forced
 * to the device ({@code fsync}), and then replaces the target by an atomic rename; the directory is
 * then forced too where the platform allows it, so the rename itself survives a power loss.
 *
 * <p>If the body throws, or any step fails, the temporary file is deleted and the target is left
 * as it was. A process killed mid-write leaves at most a stray {@code .NAME.*.tmp} file beside an
 * intact target.
 */
public final class AtomicFile {

  /** What produces the file's bytes. */
  @FunctionalInterface
  public interface Body {
    /** Writes the whole content to {@code out}; need not flush or close it. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Replaces (or creates) {@code target} with the bytes {@code body} writes.
   *
   * @throws IOException from the body, or if the directory does not exist or cannot be written;
   *     {@code target} is then unchanged
   */
  public static void write(Path target, Body body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp;
    FileChannel created;
    while (true) {
      // Not Files.createTempFile: it makes the file owner-only (0600), and the rename would
      // carry that over to the target; a plain new file gets the usual permissions (umask).
      tmp = dir.resolve("." + target.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        created = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        break;
      } catch (FileAlreadyExistsException e) {
        // Taken (a leftover of a killed writer, or a concurrent one): draw another name.
      }
    }
    boolean done = false;
    try {
      try (FileChannel ch = created) {
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
        body.writeTo(out);
        out.flush();
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot replace " + target + " atomically: the file system of "
            + dir + " does not support atomic renames", e);
      }
      done = true;
      forceDirectory(dir);
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Writes {@code bytes} to {@code target} atomically; see {@link #write(Path, Body)}. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }

  private static void forceDirectory(Path dir) {
    // Opening a directory for reading and forcing it is how a rename is made durable on POSIX
    // systems; on others (Windows) it is refused, and the rename is as durable as it gets there.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // The new file is complete and in place; only its durability across a power loss is
      // left to the file system.
    }
  }
}
