package org.nde4j.learn.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends rows of numbers to a CSV file with a fixed header, one line per {@link #append} and
 * flushed at once, so the file is useful while a run goes on and after it dies. Integral values
 * print without a decimal point ({@code 100}), others as Java's shortest round-tripping decimal
 * ({@code 0.0123}), NaN as {@code NaN}.
 *
 * <p>Opening an existing non-empty file continues it (a resumed run) if its header equals the
 * columns; a partial last line, left by a crash in the middle of a write, is cut off first.
 */
public final class MetricsCsv implements Closeable {
  private final Path file;
  private final List<String> columns;
  private final Writer out;

  private MetricsCsv(Path file, List<String> columns, Writer out) {
    this.file = file;
    this.columns = columns;
    this.out = out;
  }

  /**
   * Opens {@code file} for appending rows of {@code columns}.
   *
   * @throws IllegalArgumentException if a column name is empty or holds a comma, quote or line
   *     break, or names repeat
   * @throws IOException naming the file and both headers if an existing file has another header
   */
  public static MetricsCsv open(Path file, List<String> columns) throws IOException {
    List<String> cols = List.copyOf(columns);
    if (cols.isEmpty() || cols.stream().distinct().count() != cols.size()) {
      throw new IllegalArgumentException("metrics columns must be distinct and at least one, got "
          + cols);
    }
    for (String c : cols) {
      if (c.isEmpty() || c.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n'
          || ch == '\r')) {
        throw new IllegalArgumentException("metrics column name '" + c + "' must be non-empty "
            + "and free of commas, quotes and line breaks");
      }
    }
    String header = String.join(",", cols);
    boolean fresh = !Files.exists(file) || Files.size(file) == 0;
    if (!fresh) {
      continueExisting(file, header);
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    Writer w = Channels.newWriter(ch, StandardCharsets.UTF_8);
    MetricsCsv m = new MetricsCsv(file, cols, w);
    if (fresh) {
      w.write(header);
      w.write('\n');
      w.flush();
    }
    return m;
  }

  private static void continueExisting(Path file, String header) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int firstBreak = text.indexOf('\n');
    if (firstBreak < 0 && header.startsWith(text.strip())) {
      // A crash while the header was being written: write it anew.
      Files.writeString(file, header + "\n", StandardCharsets.UTF_8);
      return;
    }
    String existing = (firstBreak < 0 ? text : text.substring(0, firstBreak)).strip();
    if (!existing.equals(header)) {
      throw new IOException(file + ": line 1: metrics header '" + existing
          + "' differs from this run's columns '" + header + "'; it belongs to another kind of run");
    }
    int lastBreak = text.lastIndexOf('\n');
    if (lastBreak != text.length() - 1) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(text.substring(0, lastBreak + 1).getBytes(StandardCharsets.UTF_8).length);
      }
    }
  }

  /** The column names, in order. */
  public List<String> columns() {
    return columns;
  }

  /**
   * Appends one row and flushes it.
   *
   * @throws IllegalArgumentException naming the file if the number of values is not the number
   *     of columns
   */
  public void append(double... values) throws IOException {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(file + ": a row needs " + columns.size() + " values ("
          + String.join(",", columns) + "), got " + values.length);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ",").append(format(values[i]));
    }
    sb.append('\n');
    out.write(sb.toString());
    out.flush();
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
