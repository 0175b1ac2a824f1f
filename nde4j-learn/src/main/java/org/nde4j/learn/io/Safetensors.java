package org.nde4j.learn.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nde4j.tensor.Tensor;

/**
 * Reads and writes the Hugging Face safetensors format, the tensor file PyTorch
 * ({@code safetensors.torch}), JAX/Flax and the Rust reference implementation share:
 * <ol>
 *   <li>8 bytes: {@code N}, the header length, an unsigned 64-bit little-endian integer;</li>
 *   <li>{@code N} bytes: a UTF-8 JSON object {@code {"name": {"dtype": "F64", "shape": [2, 3],
 *       "data_offsets": [begin, end]}, …}}, optionally with {@code "__metadata__": {str: str}};
 *       JSON whitespace may pad it at the end;</li>
 *   <li>the data buffer: each tensor's elements, row-major and little-endian, at
 *       {@code [begin, end)} relative to the buffer's start. The tensors tile the buffer exactly:
 *       no overlap, no gap, and the file ends with the last tensor.</li>
 * </ol>
 *
 * <p><b>Writing</b> produces the bytes the reference writer ({@code safetensors.serialize}, used by
 * {@code safetensors.torch.save_file}) produces for the same tensors and metadata: tensors in
 * descending dtype order then by name (byte-wise UTF-8 order), compact JSON, {@code
 * __metadata__} first (its entries in the map's iteration order, where the reference uses hash
 * order), the header padded with spaces to a multiple of 8 bytes so that every tensor's data is
 * 8-byte aligned. Files are replaced atomically ({@link AtomicFile}). All tensors of one call are
 * stored as one dtype, {@link SafetensorsDtype#F64} (exact) unless {@link SafetensorsDtype#F32}
 * is asked for.
 *
 * <p><b>Reading</b> accepts every dtype of {@link SafetensorsDtype} and converts to {@code double};
 * the header length is checked against the file's size and {@link #MAX_HEADER_BYTES} before the
 * header is allocated, and every tensor's offsets against its dtype, shape and the data actually
 * present before its values are, so a damaged file gives a {@link SafetensorsException} naming the
 * file and the tensor or field, never an {@link OutOfMemoryError}.
 *
 * <p>Format: <a href="https://github.com/huggingface/safetensors">github.com/huggingface/safetensors</a>
 * (README, "Format"; {@code safetensors/src/tensor.rs}).
 */
public final class Safetensors {

  /** Largest header accepted, in bytes: the reference implementation's limit (100 MB). */
  public static final long MAX_HEADER_BYTES = 100_000_000L;

  /** The header key of the free-form string map. */
  public static final String METADATA_KEY = "__metadata__";

  private static final int CHUNK = 1 << 16;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Safetensors() {}

  /**
   * Reads a whole file.
   *
   * @throws java.nio.file.NoSuchFileException if there is no such file
   * @throws SafetensorsException naming the file and the tensor or field if the file is malformed:
   *     shorter than 8 bytes, a header length beyond the file or above {@link #MAX_HEADER_BYTES},
   *     a header that is not UTF-8 JSON of the expected shape (duplicate keys included), an
   *     unknown dtype, a negative or non-integer extent or offset, offsets whose size disagrees
   *     with dtype and shape, tensors that overlap, leave gaps or reach beyond the file, or bytes
   *     after the last tensor
   */
  public static SafetensorsFile read(Path file) throws IOException {
    return SafetensorsReader.read(file);
  }

  /** {@link #write(Path, Map, Map, SafetensorsDtype)} in {@link SafetensorsDtype#F64}. */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata)
      throws IOException {
    write(file, tensors, metadata, SafetensorsDtype.F64);
  }

  /**
   * Writes {@code tensors} and {@code metadata} to {@code file}, replacing it atomically: after a
   * failure or a crash at any point the previous file, if any, is intact.
   *
   * @param tensors  name → concrete tensor; names may be any string but {@value #METADATA_KEY}
   * @param metadata free-form strings stored under {@value #METADATA_KEY}, omitted when empty
   * @param dtype    {@link SafetensorsDtype#F64} or {@link SafetensorsDtype#F32}
   * @throws SafetensorsException naming the file and tensor for a reserved name, a symbolic
   *     (traced) tensor or an unsupported dtype; nothing is written then
   * @throws IOException if the file cannot be written (the previous file is then intact)
   */
  public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata,
      SafetensorsDtype dtype) throws IOException {
    List<Map.Entry<String, Tensor>> order = check(file.toString(), tensors, dtype);
    byte[] header = header(order, metadata, dtype);
    AtomicFile.write(file, out -> writeBody(out, header, order, dtype));
  }

  /**
   * The bytes of the file {@link #write(Path, Map, Map, SafetensorsDtype)} would write, for
   * sending elsewhere than a file.
   *
   * @throws SafetensorsException as {@code write}, with {@code "<bytes>"} for the file name
   */
  public static byte[] toBytes(Map<String, Tensor> tensors, Map<String, String> metadata,
      SafetensorsDtype dtype) throws SafetensorsException {
    List<Map.Entry<String, Tensor>> order = check("<bytes>", tensors, dtype);
    byte[] header = header(order, metadata, dtype);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writeBody(out, header, order, dtype);
    } catch (IOException e) {
      throw new AssertionError("a byte array stream does not fail", e);
    }
    return out.toByteArray();
  }

  private static List<Map.Entry<String, Tensor>> check(String file, Map<String, Tensor> tensors,
      SafetensorsDtype dtype) throws SafetensorsException {
    if (dtype != SafetensorsDtype.F64 && dtype != SafetensorsDtype.F32) {
      throw new SafetensorsException(file, "dtype", "nde4j writes F64 or F32, not " + dtype);
    }
    List<Map.Entry<String, Tensor>> order = new ArrayList<>(tensors.entrySet());
    for (Map.Entry<String, Tensor> e : order) {
      String where = "tensor '" + e.getKey() + "'";
      if (e.getKey().equals(METADATA_KEY)) {
        throw new SafetensorsException(file, where, "the name is reserved for the metadata map");
      }
      if (e.getValue() == null || e.getValue().isSymbolic()) {
        throw new SafetensorsException(file, where, e.getValue() == null ? "is null"
            : "is symbolic (being traced); only concrete tensors have values to store");
      }
    }
    // One dtype per file: the reference's "descending dtype, then name" is name order alone.
    order.sort((a, b) -> Arrays.compareUnsigned(
        a.getKey().getBytes(StandardCharsets.UTF_8), b.getKey().getBytes(StandardCharsets.UTF_8)));
    return order;
  }

  private static byte[] header(List<Map.Entry<String, Tensor>> order,
      Map<String, String> metadata, SafetensorsDtype dtype) {
    StringBuilder json = new StringBuilder("{");
    if (!metadata.isEmpty()) {
      quote(json, METADATA_KEY).append(":{");
      boolean first = true;
      for (Map.Entry<String, String> kv : metadata.entrySet()) {
        json.append(first ? "" : ",");
        quote(json, kv.getKey()).append(':');
        quote(json, kv.getValue());
        first = false;
      }
      json.append('}');
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> e : order) {
      json.append(json.length() == 1 ? "" : ",");
      quote(json, e.getKey()).append(":{\"dtype\":\"").append(dtype.name()).append("\",\"shape\":[");
      int[] dims = e.getValue().shape().dims();
      for (int i = 0; i < dims.length; i++) {
        json.append(i == 0 ? "" : ",").append(dims[i]);
      }
      long end = offset + (long) e.getValue().size() * dtype.size();
      json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
      offset = end;
    }
    json.append('}');
    byte[] text = json.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (text.length + 7) / 8 * 8;
    byte[] out = Arrays.copyOf(text, padded);
    Arrays.fill(out, text.length, padded, (byte) ' ');
    return out;
  }

  /** Appends {@code s} as a JSON string, escaped as serde_json escapes (the reference's writer). */
  private static StringBuilder quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"');
  }

  private static void writeBody(OutputStream out, byte[] header,
      List<Map.Entry<String, Tensor>> order, SafetensorsDtype dtype) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(header.length);
    out.write(buf.array(), 0, 8);
    out.write(header);
    for (Map.Entry<String, Tensor> e : order) {
      double[] values = e.getValue().dataRef();
      int perChunk = CHUNK / dtype.size();
      for (int from = 0; from < values.length; from += perChunk) {
        int to = Math.min(values.length, from + perChunk);
        buf.clear();
        for (int i = from; i < to; i++) {
          dtype.write(buf, values[i]);
        }
        out.write(buf.array(), 0, buf.position());
      }
    }
  }
}
