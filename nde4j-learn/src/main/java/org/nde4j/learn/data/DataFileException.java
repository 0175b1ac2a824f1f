package org.nde4j.learn.data;

/**
 * A data file that cannot be used. The message has the form {@code FILE:LINE:COL: reason} with
 * 1-based line and character column of the offending cell, e.g. {@code data.csv:7:12: column
 * 'x': 'abc' is not a number}; problems with the file as a whole (missing, not UTF-8, empty) read
 * {@code FILE: reason} and have line and column 0.
 */
public final class DataFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  public DataFileException(String file, int line, int column, String reason) {
    this(file, line, column, reason, null);
  }

  public DataFileException(String file, int line, int column, String reason, Throwable cause) {
    super((line > 0 ? file + ":" + line + ":" + column : file) + ": " + reason, cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** The file as it was named to the reader. */
  public String file() {
    return file;
  }

  /** 1-based line, or 0 for the file as a whole. */
  public int line() {
    return line;
  }

  /** 1-based character column of the cell, or 0 for the file as a whole. */
  public int column() {
    return column;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }
}
