package org.nde4j.learn.io;

import java.nio.ByteBuffer;

/**
 * The element types of a safetensors file that nde4j reads, by their names in the header. Every
 * one converts to {@code double} on reading: floats exactly (every {@code F16}, {@code BF16} and
 * {@code F32} value is a {@code double}), integers exactly up to {@code 2^53} in magnitude and
 * rounded to the nearest {@code double} beyond. nde4j writes {@link #F64} (exact) or {@link #F32}
 * (rounded to nearest).
 *
 * <p>The declaration order is the reference implementation's dtype order (Hugging Face
 * {@code safetensors}, {@code Dtype} in {@code tensor.rs}): its writer puts tensors of a later
 * dtype (larger alignment) first, then sorts by name, and so does {@link Safetensors}.
 */
public enum SafetensorsDtype {
  /** One byte, 0 or 1 (anything non-zero reads as 1). */
  BOOL(1),
  U8(1),
  I8(1),
  I16(2),
  U16(2),
  /** IEEE 754 binary16. */
  F16(2),
  /** bfloat16: the upper half of an IEEE 754 binary32. */
  BF16(2),
  I32(4),
  U32(4),
  /** IEEE 754 binary32. */
  F32(4),
  /** IEEE 754 binary64, nde4j's own type. */
  F64(8),
  I64(8),
  U64(8);

  private final int size;

  SafetensorsDtype(int size) {
    this.size = size;
  }

  /** Bytes per element. */
  public int size() {
    return size;
  }

  /** The dtype named {@code name} in a header, or {@code null} if nde4j does not read it. */
  static SafetensorsDtype byName(String name) {
    for (SafetensorsDtype d : values()) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return null;
  }

  /** The names accepted by {@link #byName}, for error messages. */
  static String names() {
    StringBuilder sb = new StringBuilder();
    for (SafetensorsDtype d : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(d.name());
    }
    return sb.toString();
  }

  /** Reads one element at the little-endian buffer's position, advancing it. */
  double read(ByteBuffer b) {
    switch (this) {
      case BOOL:
        return b.get() != 0 ? 1.0 : 0.0;
      case U8:
        return b.get() & 0xFF;
      case I8:
        return b.get();
      case I16:
        return b.getShort();
      case U16:
        return b.getShort() & 0xFFFF;
      case F16:
        return halfToDouble(b.getShort());
      case BF16:
        return Float.intBitsToFloat((b.getShort() & 0xFFFF) << 16);
      case I32:
        return b.getInt();
      case U32:
        return b.getInt() & 0xFFFFFFFFL;
      case F32:
        return b.getFloat();
      case F64:
        return b.getDouble();
      case I64:
        return b.getLong();
      case U64:
        return unsignedToDouble(b.getLong());
      default:
        throw new AssertionError(this);
    }
  }

  /** Writes one element at the little-endian buffer's position; only F64 and F32 are written. */
  void write(ByteBuffer b, double v) {
    if (this == F64) {
      b.putDouble(v);
    } else if (this == F32) {
      b.putFloat((float) v);
    } else {
      throw new AssertionError(this);
    }
  }

  /** IEEE 754 binary16 to double, exactly (subnormals, infinities and NaN included). */
  static double halfToDouble(short h) {
    int bits = h & 0xFFFF;
    int sign = (bits & 0x8000) != 0 ? -1 : 1;
    int exponent = (bits >>> 10) & 0x1F;
    int mantissa = bits & 0x3FF;
    if (exponent == 0x1F) {
      return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (exponent == 0) {
      return sign * Math.scalb((double) mantissa, -24);
    }
    return sign * Math.scalb((double) (mantissa | 0x400), exponent - 25);
  }

  private static double unsignedToDouble(long v) {
    if (v >= 0) {
      return v;
    }
    // Halve with the lost bit kept as sticky bit, so the final rounding is still to nearest.
    return 2.0 * ((v >>> 1) | (v & 1));
  }
}
