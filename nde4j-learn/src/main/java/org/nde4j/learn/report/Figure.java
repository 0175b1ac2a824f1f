package org.nde4j.learn.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.nde4j.learn.io.AtomicFile;

/**
 * A rendered plot: a PNG image with a file-name stem and a caption.
 *
 * @param name    the file-name stem, {@code [A-Za-z0-9_-]+} ({@code plots/NAME.png} in a run
 *                directory)
 * @param caption what the figure shows, one line of plain text
 * @param png     the PNG bytes (not copied: treat as read-only)
 * @param width   the image width in pixels
 * @param height  the image height in pixels
 */
public record Figure(String name, String caption, byte[] png, int width, int height) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /**
   * @throws IllegalArgumentException naming the figure if the name is not a plain file-name stem
   *     or the image is empty
   */
  public Figure {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("figure name '" + name + "' must be letters, digits, "
          + "'_' or '-' (it becomes a file name)");
    }
    if (png == null || png.length == 0) {
      throw new IllegalArgumentException("figure '" + name + "' has no image bytes");
    }
    caption = caption == null ? "" : caption;
  }

  /** Writes the PNG to {@code file}, replacing it atomically ({@link AtomicFile}). */
  public void write(Path file) throws IOException {
    AtomicFile.write(file, png);
  }
}
