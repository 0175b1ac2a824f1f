package org.nde4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes to a command's {@link PrintWriter}, for library code that prints to a {@code
 * PrintStream} (the trainer's progress line). Bytes are passed on at each line end ({@code \n} or
 * {@code \r}, which never occur inside a multi-byte UTF-8 sequence) and at {@link #flush()}.
 */
final class WriterStream extends OutputStream {
  private final PrintWriter out;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  WriterStream(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(int b) {
    pending.write(b);
    if (b == '\n' || b == '\r') {
      flush();
    }
  }

  @Override
  public void flush() {
    if (pending.size() > 0) {
      out.write(new String(pending.toByteArray(), StandardCharsets.UTF_8));
      pending.reset();
    }
    out.flush();
  }
}
