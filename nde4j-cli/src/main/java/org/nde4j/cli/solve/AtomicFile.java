package org.nde4j.cli.solve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file completely or not at all: to a temporary file beside it, then an atomic rename,
 * so an interrupted run never leaves half a file where a good one was.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** A writer of the file's content into the given temporary path. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path tmp) throws IOException;
  }

  /**
   * Writes {@code file}, creating parent directories.
   *
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static void write(Path file, Content content) {
    Path abs = file.toAbsolutePath();
    try {
      Path dir = abs.getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
      try {
        content.writeTo(tmp);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes text. */
  public static void writeString(Path file, String text) {
    write(file, tmp -> Files.writeString(tmp, text));
  }
}
