package org.nde4j.learn.io;

import java.io.IOException;

/**
 * A safetensors file that cannot be read, or tensors that cannot be written. The message has the
 * form {@code FILE: WHERE: reason}, where {@code WHERE} is the tensor ({@code tensor 'w'}), a
 * header field ({@code tensor 'w': data_offsets}) or the part of the file ({@code header length})
 * that is wrong, e.g. {@code model.safetensors: tensor 'w': data_offsets [0, 24] hold 24 bytes but
 * dtype F64 and shape [2, 2] need 32}. It is an {@link IOException}, like
 * {@link java.util.zip.ZipException}, so one {@code catch} covers unreadable and malformed files.
 */
public final class SafetensorsException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final String where;
  private final String reason;

  public SafetensorsException(String file, String where, String reason) {
    super(file + ": " + where + ": " + reason);
    this.file = file;
    this.where = where;
    this.reason = reason;
  }

  /** The file as it was named to the reader or writer. */
  public String file() {
    return file;
  }

  /** The tensor, header field or file part that is wrong. */
  public String where() {
    return where;
  }

  /** What is wrong, without the file and place. */
  public String reason() {
    return reason;
  }
}
