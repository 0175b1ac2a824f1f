package org.nde4j.learn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nde4j.tensor.Tensor;

class SafetensorsTest {
  @TempDir Path dir;

  private static Map<String, Tensor> sample() {
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("w", Tensor.of(new double[] {0.1, -2.5, Double.MIN_VALUE, Math.PI, -0.0,
        Double.longBitsToDouble(0x7ff0000000000123L)}, 2, 3));
    t.put("b", Tensor.vector(1e300, -1e-300, Double.NEGATIVE_INFINITY));
    t.put("scalar", Tensor.scalar(2.0));
    t.put("empty", Tensor.zeros(2, 0));
    t.put("ünïcode \"name\"\n", Tensor.vector(7.0));
    return t;
  }

  @Test
  void f64RoundTripKeepsNamesShapesBitsAndMetadata() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Map<String, String> meta = Map.of("framework", "nde4j", "note", "a \"quoted\" value");
    Safetensors.write(file, sample(), meta);

    SafetensorsFile back = Safetensors.read(file);
    assertThat(back.tensors().keySet()).containsExactlyInAnyOrderElementsOf(sample().keySet());
    assertThat(back.metadata()).isEqualTo(meta);
    for (Map.Entry<String, Tensor> e : sample().entrySet()) {
      Tensor got = back.tensor(e.getKey());
      assertThat(got.shape()).isEqualTo(e.getValue().shape());
      double[] want = e.getValue().toArray();
      double[] have = got.toArray();
      for (int i = 0; i < want.length; i++) {
        assertThat(Double.doubleToRawLongBits(have[i]))
            .as("%s[%d]", e.getKey(), i).isEqualTo(Double.doubleToRawLongBits(want[i]));
      }
      assertThat(back.dtypes().get(e.getKey())).isEqualTo(SafetensorsDtype.F64);
    }
    // The data starts 8-byte aligned: 8 + header length is a multiple of 8.
    long n = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(n % 8).isZero();
  }

  @Test
  void f32WritesRoundToNearestFloat() throws IOException {
    Path file = dir.resolve("f32.safetensors");
    Safetensors.write(file, Map.of("x", Tensor.vector(0.1, 1.0 / 3, 1e40)), Map.of(),
        SafetensorsDtype.F32);
    SafetensorsFile back = Safetensors.read(file);
    assertThat(back.dtypes().get("x")).isEqualTo(SafetensorsDtype.F32);
    assertThat(back.tensor("x").toArray())
        .containsExactly((double) 0.1f, (double) (1.0f / 3), Double.POSITIVE_INFINITY);
    assertThat(Files.size(file)).isEqualTo(8 + 56 + 12);
  }

  // The byte vectors below are the reference implementation's own tests (safetensors/src/tensor.rs:
  // test_serialization, test_serialization_forced_alignement, test_empty).
  @Test
  void writesTheReferenceBytesForF32() throws IOException {
    Tensor t = Tensor.of(new double[] {0, 1, 2, 3, 4, 5}, 1, 2, 3);
    byte[] got = Safetensors.toBytes(Map.of("attn.0", t), Map.of(), SafetensorsDtype.F32);
    assertThat(got).isEqualTo(bytes(64, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 46, 48,
        34, 58, 123, 34, 100, 116, 121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97,
        112, 101, 34, 58, 91, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111, 102, 102,
        115, 101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 0, 0, 0, 0, 0, 0, 128, 63,
        0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160, 64));

    Tensor t4 = Tensor.of(new double[] {0, 1, 2, 3, 4, 5}, 1, 1, 2, 3);
    byte[] aligned = Safetensors.toBytes(Map.of("attn0", t4), Map.of(), SafetensorsDtype.F32);
    assertThat(aligned).isEqualTo(bytes(72, 0, 0, 0, 0, 0, 0, 0, 123, 34, 97, 116, 116, 110, 48,
        34, 58, 123, 34, 100, 116, 121, 112, 101, 34, 58, 34, 70, 51, 50, 34, 44, 34, 115, 104, 97,
        112, 101, 34, 58, 91, 49, 44, 49, 44, 50, 44, 51, 93, 44, 34, 100, 97, 116, 97, 95, 111,
        102, 102, 115, 101, 116, 115, 34, 58, 91, 48, 44, 50, 52, 93, 125, 125, 32, 32, 32, 32, 32,
        32, 32, 0, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64, 0, 0, 160,
        64));
  }

  @Test
  void writesTheReferenceBytesForEmptyFiles() throws IOException {
    assertThat(Safetensors.toBytes(Map.of(), Map.of(), SafetensorsDtype.F64))
        .isEqualTo(bytes(8, 0, 0, 0, 0, 0, 0, 0, 123, 125, 32, 32, 32, 32, 32, 32));
    assertThat(Safetensors.toBytes(Map.of(), Map.of("framework", "pt"), SafetensorsDtype.F64))
        .isEqualTo(bytes(40, 0, 0, 0, 0, 0, 0, 0, 123, 34, 95, 95, 109, 101, 116, 97, 100, 97,
            116, 97, 95, 95, 34, 58, 123, 34, 102, 114, 97, 109, 101, 119, 111, 114, 107, 34, 58,
            34, 112, 116, 34, 125, 125, 32, 32, 32, 32, 32));
  }

  @Test
  void readsTheReferenceExamples() throws IOException {
    // test_deserialization and test_empty_shapes_allowed of the reference.
    Path f = write("ref.safetensors",
        "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}", new byte[16]);
    assertThat(Safetensors.read(f).tensor("test").toArray()).containsExactly(0, 0, 0, 0);
    Path s = write("scalar.safetensors",
        "{\"test\":{\"dtype\":\"I32\",\"shape\":[],\"data_offsets\":[0,4]}}", bytes(7, 0, 0, 0));
    assertThat(Safetensors.read(s).tensor("test").item()).isEqualTo(7.0);
    Path w = write("ws.safetensors", "{}\r \t\n", new byte[0]);
    assertThat(Safetensors.read(w).tensors()).isEmpty();
  }

  @Test
  void headerEntriesInAnyOrderAreSortedByOffset() throws IOException {
    Path f = write("order.safetensors", "{\"b\":{\"dtype\":\"F64\",\"shape\":[1],"
        + "\"data_offsets\":[8,16]},\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}",
        le(1.5, -2.0));
    SafetensorsFile read = Safetensors.read(f);
    assertThat(read.tensors().keySet()).containsExactly("a", "b");
    assertThat(read.tensor("a").item()).isEqualTo(1.5);
    assertThat(read.tensor("b").item()).isEqualTo(-2.0);
  }

  @Test
  void missingFileIsNamed() {
    Path f = dir.resolve("absent.safetensors");
    assertThatThrownBy(() -> Safetensors.read(f)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("absent.safetensors");
  }

  @Test
  void truncatedBodyNamesTheTensor() throws IOException {
    Path good = dir.resolve("good.safetensors");
    Safetensors.write(good, Map.of("a", Tensor.vector(1, 2), "b", Tensor.vector(3, 4)), Map.of());
    byte[] all = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.safetensors");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length - 5));
    assertError(cut, "tensor 'b'", "data_offsets [16, 32] reach beyond the 27 bytes of data", "truncated");
  }

  @Test
  void headerLengthBeyondTheFile() throws IOException {
    Path f = dir.resolve("short.safetensors");
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(100).put(
        "{}  ".getBytes(StandardCharsets.US_ASCII));
    Files.write(f, b.array());
    assertError(f, "header length", "declares a 100-byte header but only 4 bytes follow");
    Path tiny = dir.resolve("tiny.safetensors");
    Files.write(tiny, bytes(1, 2, 3));
    assertError(tiny, "header length", "the file has 3 bytes");
    Path huge = dir.resolve("huge.safetensors");
    Files.write(huge, bytes(-1, -1, -1, -1, -1, -1, -1, -1, 0));
    assertError(huge, "header length", "declares a 18446744073709551615-byte header");
  }

  @Test
  void fourGibHeaderIsRefusedWithoutAllocatingIt() throws IOException {
    // A sparse file just over 4 GiB, so the declared length fits the file and only the cap stops
    // it; reading must not allocate anything near the declared size.
    Path f = dir.resolve("fourgib.safetensors");
    long declared = 4L << 30;
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(declared).array());
      raf.setLength(8 + declared + 16);
    }
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    long before = mx.getThreadAllocatedBytes(tid);
    assertError(f, "header length", "declares a 4294967296-byte header",
        "more than the 100000000 bytes allowed");
    long allocated = mx.getThreadAllocatedBytes(tid) - before;
    assertThat(allocated).isLessThan(8L << 20);
  }

  @Test
  void unknownDtype() throws IOException {
    Path f = write("dtype.safetensors",
        "{\"w\":{\"dtype\":\"F128\",\"shape\":[1],\"data_offsets\":[0,16]}}", new byte[16]);
    assertError(f, "tensor 'w': dtype", "unknown or unsupported dtype 'F128'", "F64, I64");
  }

  @Test
  void overlappingOffsets() throws IOException {
    Path f = write("overlap.safetensors", "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],"
        + "\"data_offsets\":[0,16]},\"b\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}",
        new byte[16]);
    assertError(f, "tensor 'b'", "overlap tensor 'a' [0, 16]");
  }

  @Test
  void gapsAndExtraBytes() throws IOException {
    Path gap = write("gap.safetensors", "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],"
        + "\"data_offsets\":[8,16]}}", new byte[16]);
    assertError(gap, "tensor 'a'", "leave bytes [0, 8) of the data unused");
    Path extra = write("extra.safetensors", "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],"
        + "\"data_offsets\":[0,8]}}", new byte[12]);
    assertError(extra, "data", "cover 8 bytes but 12 bytes follow the header");
  }

  @Test
  void offsetsOutOfOrderOrOutOfRange() throws IOException {
    Path backwards = write("backwards.safetensors", "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],"
        + "\"data_offsets\":[8,0]}}", new byte[8]);
    assertError(backwards, "tensor 'a': data_offsets", "end 0 is before begin 8");
    Path beyond = write("beyond.safetensors", "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],"
        + "\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F64\",\"shape\":[1],"
        + "\"data_offsets\":[8,16]}}", new byte[8]);
    assertError(beyond, "tensor 'b'", "reach beyond the 8 bytes of data");
    Path negative = write("negative.safetensors", "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],"
        + "\"data_offsets\":[-8,0]}}", new byte[8]);
    assertError(negative, "tensor 'a': data_offsets", "must be a non-negative integer, found -8");
    Path three = write("three.safetensors", "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],"
        + "\"data_offsets\":[0,8,16]}}", new byte[8]);
    assertError(three, "tensor 'a': data_offsets", "must be an array of 2 non-negative");
  }

  @Test
  void shapeThatDisagreesWithOffsets() throws IOException {
    Path f = write("shape.safetensors", "{\"w\":{\"dtype\":\"F64\",\"shape\":[2,2],"
        + "\"data_offsets\":[0,24]}}", new byte[24]);
    assertError(f, "tensor 'w'", "hold 24 bytes but dtype F64 and shape [2, 2] need 32");
    // The reference's test_validation_overflow.
    Path big = write("overflow.safetensors", "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,"
        + "18446744073709551614],\"data_offsets\":[0,16]}}", new byte[16]);
    assertError(big, "tensor 'test': shape", "18446744073709551614 is too large");
    Path prod = write("product.safetensors", "{\"t\":{\"dtype\":\"F64\",\"shape\":[4611686018427387903,"
        + "4],\"data_offsets\":[0,16]}}", new byte[16]);
    assertError(prod, "tensor 't'", "larger than an nde4j tensor axis");
    Path frac = write("frac.safetensors", "{\"t\":{\"dtype\":\"F64\",\"shape\":[1.5],"
        + "\"data_offsets\":[0,8]}}", new byte[8]);
    assertError(frac, "tensor 't': shape", "element 0 must be a non-negative integer, found 1.5");
  }

  @Test
  void malformedHeaders() throws IOException {
    assertError(write("json.safetensors", "{\"w\":{\"dtype\":", new byte[0]),
        "header", "is not valid JSON at header line 1");
    assertError(write("trailing.safetensors", "{} x", new byte[0]), "header", "not valid JSON");
    assertError(write("array.safetensors", "[1, 2]  ", new byte[0]),
        "header", "must be a JSON object");
    assertError(write("dup.safetensors", "{\"a\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":"
        + "[0,8]},\"a\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[0,8]}}", new byte[8]),
        "header", "Duplicate", "\"a\"");
    assertError(write("meta.safetensors", "{\"__metadata__\":{\"epoch\":3}}", new byte[0]),
        "__metadata__: 'epoch'", "must be a string");
    assertError(write("nodtype.safetensors", "{\"w\":{\"shape\":[],\"data_offsets\":[0,8]}}",
        new byte[8]), "tensor 'w'", "has no 'dtype'");
    assertError(write("notobj.safetensors", "{\"w\":3}", new byte[0]),
        "tensor 'w'", "must be an object");
    Path utf = dir.resolve("utf.safetensors");
    Files.write(utf, bytes(8, 0, 0, 0, 0, 0, 0, 0, '{', '"', 0xff, '"', ':', '1', '}', ' '));
    assertError(utf, "header", "is not valid UTF-8");
  }

  @Test
  void writeRejectsReservedNamesAndSymbolicTensorsBeforeTouchingTheFile() throws IOException {
    Path file = dir.resolve("keep.safetensors");
    Safetensors.write(file, Map.of("a", Tensor.vector(1)), Map.of());
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> Safetensors.write(file,
        Map.of("__metadata__", Tensor.vector(1)), Map.of()))
        .isInstanceOf(SafetensorsException.class)
        .hasMessageContaining("keep.safetensors").hasMessageContaining("reserved");
    assertThatThrownBy(() -> Safetensors.write(file, Map.of("a", Tensor.vector(1)), Map.of(),
        SafetensorsDtype.F16)).hasMessageContaining("nde4j writes F64 or F32, not F16");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aFailureInTheMiddleOfAWriteLeavesThePreviousFileIntact() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Safetensors.write(file, sample(), Map.of("step", "100"));
    byte[] good = Files.readAllBytes(file);

    byte[] next = Safetensors.toBytes(Map.of("w", Tensor.ones(1000)), Map.of("step", "200"),
        SafetensorsDtype.F64);
    assertThatThrownBy(() -> AtomicFile.write(file, out -> {
      out.write(next, 0, next.length / 2);
      out.flush();
      throw new IOException("simulated crash half-way");
    })).hasMessage("simulated crash half-way");

    assertThat(Files.readAllBytes(file)).isEqualTo(good);
    assertThat(Safetensors.read(file).metadata()).containsEntry("step", "100");
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactly("model.safetensors");
    }
    // And a later successful write replaces it whole.
    AtomicFile.write(file, next);
    assertThat(Safetensors.read(file).metadata()).containsEntry("step", "200");
  }

  @Test
  void replacedFilesGetTheUsualPermissionsNotTempFileOnes() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain"));
    Path atomic = dir.resolve("atomic");
    AtomicFile.write(atomic, new byte[] {1});
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(atomic))
          .isEqualTo(Files.getPosixFilePermissions(plain));
    }
    assertThat(Files.readAllBytes(atomic)).containsExactly(1);
  }

  private void assertError(Path file, String where, String... reasons) {
    var a = assertThatThrownBy(() -> Safetensors.read(file))
        .isInstanceOf(SafetensorsException.class)
        .hasMessageStartingWith(file + ": " + where + ": ");
    for (String r : reasons) {
      a.hasMessageContaining(r);
    }
  }

  /** A file of the given header (unpadded) and data bytes. */
  private Path write(String name, String header, byte[] data) throws IOException {
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(h.length).put(h).put(data);
    Path f = dir.resolve(name);
    Files.write(f, b.array());
    return f;
  }

  private static byte[] le(double... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      b.putDouble(v);
    }
    return b.array();
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
