package org.nde4j.learn.io;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nde4j.tensor.Shape;
import org.nde4j.tensor.Tensor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and validates one safetensors file (see {@link Safetensors} for the format). Every size
 * the file declares is checked against the file's real size before anything of that size is
 * allocated, so a damaged or hostile file costs at most its own size in memory.
 */
final class SafetensorsReader {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final int CHUNK = 1 << 16;

  /** One tensor's header entry, validated. */
  private record Entry(String name, SafetensorsDtype dtype, int[] dims, long begin, long end) {}

  private final Path path;
  private final String file;

  private SafetensorsReader(Path path) {
    this.path = path;
    this.file = path.toString();
  }

  static SafetensorsFile read(Path path) throws IOException {
    return new SafetensorsReader(path).read();
  }

  private SafetensorsFile read() throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 8) {
        throw error("header length", "the file has " + size + " bytes, fewer than the 8-byte "
            + "header length every safetensors file starts with");
      }
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, lengthBytes, 0);
      long n = lengthBytes.getLong(0);
      String declared = Long.toUnsignedString(n);
      if (Long.compareUnsigned(n, size - 8) > 0) {
        throw error("header length", "declares a " + declared + "-byte header but only "
            + (size - 8) + " bytes follow the length (truncated, or not a safetensors file)");
      }
      if (n > Safetensors.MAX_HEADER_BYTES) {
        throw error("header length", "declares a " + declared + "-byte header, more than the "
            + Safetensors.MAX_HEADER_BYTES + " bytes allowed (the reference implementation's "
            + "limit)");
      }
      ByteBuffer headerBytes = ByteBuffer.allocate((int) n);
      readFully(ch, headerBytes, 8);
      long dataStart = 8 + n;
      long dataLength = size - dataStart;
      Map<String, String> metadata = new LinkedHashMap<>();
      List<Entry> entries = parseHeader(decode(headerBytes), metadata, dataLength);
      checkLayout(entries, dataLength);
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      Map<String, SafetensorsDtype> dtypes = new LinkedHashMap<>();
      for (Entry e : entries) {
        tensors.put(e.name(), readTensor(ch, e, dataStart));
        dtypes.put(e.name(), e.dtype());
      }
      return new SafetensorsFile(tensors, dtypes, metadata);
    }
  }

  private String decode(ByteBuffer bytes) throws SafetensorsException {
    bytes.flip();
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw error("header", "is not valid UTF-8");
    }
  }

  private List<Entry> parseHeader(String text, Map<String, String> metadata, long dataLength)
      throws SafetensorsException {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation l = e.getLocation();
      String at = l == null ? "" : " at header line " + l.getLineNr() + ", column "
          + l.getColumnNr();
      throw error("header", "is not valid JSON" + at + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw error("header", "must be a JSON object {name: {dtype, shape, data_offsets}, …}, "
          + "found " + (root == null ? "nothing" : root.getNodeType()));
    }
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String name = field.getKey();
      if (name.equals(Safetensors.METADATA_KEY)) {
        readMetadata(field.getValue(), metadata);
      } else {
        entries.add(entry(name, field.getValue(), dataLength));
      }
    }
    return entries;
  }

  private void readMetadata(JsonNode node, Map<String, String> metadata)
      throws SafetensorsException {
    if (!node.isObject()) {
      throw error("__metadata__", "must be an object of strings, found " + node.getNodeType());
    }
    for (Map.Entry<String, JsonNode> kv : node.properties()) {
      if (!kv.getValue().isString()) {
        throw error("__metadata__: '" + kv.getKey() + "'", "must be a string, found "
            + kv.getValue().getNodeType());
      }
      metadata.put(kv.getKey(), kv.getValue().stringValue());
    }
  }

  private Entry entry(String name, JsonNode node, long dataLength) throws SafetensorsException {
    String where = "tensor '" + name + "'";
    if (!node.isObject()) {
      throw error(where, "must be an object {dtype, shape, data_offsets}, found "
          + node.getNodeType());
    }
    JsonNode dtypeNode = required(node, where, "dtype");
    if (!dtypeNode.isString()) {
      throw error(where + ": dtype", "must be a string, found " + dtypeNode.getNodeType());
    }
    SafetensorsDtype dtype = SafetensorsDtype.byName(dtypeNode.stringValue());
    if (dtype == null) {
      throw error(where + ": dtype", "unknown or unsupported dtype '" + dtypeNode.stringValue()
          + "' (nde4j reads " + SafetensorsDtype.names() + ")");
    }
    long[] shape = naturals(required(node, where, "shape"), where + ": shape", -1);
    long[] offsets = naturals(required(node, where, "data_offsets"), where + ": data_offsets", 2);
    long begin = offsets[0];
    long end = offsets[1];
    if (end < begin) {
      throw error(where + ": data_offsets", "end " + end + " is before begin " + begin);
    }
    long count = 1;
    int[] dims = new int[shape.length];
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] > Integer.MAX_VALUE) {
        throw error(where + ": shape", "extent " + shape[i] + " is larger than an nde4j tensor "
            + "axis can be (" + Integer.MAX_VALUE + ")");
      }
      dims[i] = (int) shape[i];
      count = multiply(count, shape[i], where);
    }
    long bytes = multiply(count, dtype.size(), where);
    if (bytes != end - begin) {
      throw error(where, "data_offsets " + format(offsets) + " hold " + (end - begin)
          + " bytes but dtype " + dtype + " and shape " + format(shape) + " need " + bytes);
    }
    if (end > dataLength) {
      throw error(where, "data_offsets " + format(offsets) + " reach beyond the " + dataLength
          + " bytes of data in the file (the file is truncated)");
    }
    if (count > Integer.MAX_VALUE - 8) {
      throw error(where, count + " elements are more than an nde4j tensor holds");
    }
    return new Entry(name, dtype, dims, begin, end);
  }

  private JsonNode required(JsonNode node, String where, String key) throws SafetensorsException {
    JsonNode v = node.get(key);
    if (v == null) {
      throw error(where, "has no '" + key + "' (each tensor needs dtype, shape and "
          + "data_offsets)");
    }
    return v;
  }

  /** An array of non-negative integers of the given length ({@code -1}: any length). */
  private long[] naturals(JsonNode node, String where, int length) throws SafetensorsException {
    if (!node.isArray() || (length >= 0 && node.size() != length)) {
      throw error(where, "must be an array of " + (length >= 0 ? length + " " : "")
          + "non-negative integers, found " + node);
    }
    long[] out = new long[node.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = node.get(i);
      if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0) {
        throw error(where, "element " + i + " must be a non-negative integer, found " + v);
      }
      BigInteger b = v.bigIntegerValue();
      if (b.bitLength() > 62) {
        throw error(where, "element " + i + " = " + b + " is too large for any file");
      }
      out[i] = b.longValue();
    }
    return out;
  }

  private long multiply(long a, long b, String where) throws SafetensorsException {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      throw error(where, "shape times element size overflows 64 bits");
    }
  }

  /** Tensors must tile the data buffer exactly: no overlap, no gap, nothing after the last. */
  private void checkLayout(List<Entry> entries, long dataLength) throws SafetensorsException {
    entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    long expected = 0;
    Entry previous = null;
    for (Entry e : entries) {
      if (e.begin() < expected) {
        throw error("tensor '" + e.name() + "'", "data_offsets [" + e.begin() + ", " + e.end()
            + "] overlap tensor '" + previous.name() + "' [" + previous.begin() + ", "
            + previous.end() + "]");
      }
      if (e.begin() > expected) {
        throw error("tensor '" + e.name() + "'", "data_offsets [" + e.begin() + ", " + e.end()
            + "] leave bytes [" + expected + ", " + e.begin() + ") of the data unused");
      }
      expected = e.end();
      previous = e;
    }
    if (expected != dataLength) {
      throw error("data", "the tensors cover " + expected + " bytes but " + dataLength
          + " bytes follow the header (extra bytes after the last tensor)");
    }
  }

  private Tensor readTensor(FileChannel ch, Entry e, long dataStart) throws IOException {
    int count = (int) ((e.end() - e.begin()) / e.dtype().size());
    double[] values = new double[count];
    ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    long position = dataStart + e.begin();
    int done = 0;
    while (done < count) {
      int n = Math.min(count - done, CHUNK / e.dtype().size());
      buf.clear().limit(n * e.dtype().size());
      readFully(ch, buf, position);
      buf.flip();
      for (int i = 0; i < n; i++) {
        values[done + i] = e.dtype().read(buf);
      }
      done += n;
      position += (long) n * e.dtype().size();
    }
    return Tensor.wrap(values, Shape.of(e.dims()));
  }

  private void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
    long at = position;
    while (buf.hasRemaining()) {
      int r = ch.read(buf, at);
      if (r < 0) {
        throw error("data", "the file ended at byte " + at + " while reading (it shrank while "
            + "being read?)");
      }
      at += r;
    }
  }

  private SafetensorsException error(String where, String reason) {
    return new SafetensorsException(file, where, reason);
  }

  static String format(long[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return sb.append(']').toString();
  }
}
