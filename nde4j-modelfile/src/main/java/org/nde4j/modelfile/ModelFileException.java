package org.nde4j.modelfile;

/**
 * A model file that cannot be used. The message has the form {@code FILE:LINE:COL: reason}, with
 * 1-based line and column pointing into the file, and says what was expected there, e.g.
 * {@code models/robertson.yaml:7:19: in equation for y2: unknown symbol 'k4' (known: y1 y2 y3 k1
 * k2 k3 t)}. Problems with the file as a whole (empty, not UTF-8) point at 1:1.
 */
public final class ModelFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  public ModelFileException(String file, int line, int column, String reason) {
    super(file + ":" + line + ":" + column + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** The file as it was named to the loader. */
  public String file() {
    return file;
  }

  /** 1-based line in the file. */
  public int line() {
    return line;
  }

  /** 1-based column in the file. */
  public int column() {
    return column;
  }

  /** What is wrong and what was expected, without the position. */
  public String reason() {
    return reason;
  }
}
